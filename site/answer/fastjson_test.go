package answer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// agree checks the fast decoder against the general one on one input: when
// the fast one accepts, the general one must accept and read the same
// submission. It reports whether the fast path was taken.
func agree(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := answer.DecodeFast(data)
	general, err := answer.DecodeGeneral(data)
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("the fast decoder accepts what the general one rejects (%v):\n%q", err, data)
	}
	if !reflect.DeepEqual(fast, general) {
		t.Fatalf("the decoders read %q differently:\nfast    %#v\ngeneral %#v", data, fast, general)
	}
	return true
}

var decodeSeeds = []string{
	`{"response_id":"r-0123456789abcdef","survey":"s","version":"v","lang":"en","answers":{}}`,
	`{"answers":{"q":"a","n":9,"f":-1.5e3,"z":-0,"na":true,"no":false,"m":["a","b"],"e":[],"x":{"r1":"a","r2":"b"},"o":{}}}`,
	`  {"hidden":{"company":"Ромашка","segment":"b2c"},"hp":"","answers":{"t":"line\nbreak \"quoted\" \\ \/ \u00e9 \ud83d\ude00 \u0000"}}  `,
	`{"hidden":null,"answers":null,"survey":null}`,
	`{"response_id":"r-0123456789abcdef","survey":"s"}`,
	`{"answers":{"q":null}}`,
	`{"answers":{"q":"a","q":"b"}}`,
	`{"survey":"a","survey":"b"}`,
	`{"Survey":"a"}`,
	`{"unknown":1}`,
	`{"answers":{"n":1e400}}`,
	`{"answers":{"n":01}}`,
	`{"answers":{"n":1.}}`,
	`{"answers":{"m":["a",1]}}`,
	`{"answers":{"x":{"r":1}}}`,
	`{"answers":{"t":"\ud800"}}`,
	`{"answers":{"t":"\ud800\u0041"}}`,
	"{\"answers\":{\"t\":\"\xff\"}}",
	"{\"answers\":{\"t\":\"a\tb\"}}",
	`{"answers":{}} x`,
	`{"answers":{},}`,
	`[]`,
	``,
	`{"invitation":{"id":"i1","sig":"AAAA","exp":"2026-12-31"},"answers":{}}`,
	`{"invitation":{"id":"i1","sig":null},"answers":{}}`,
	`{"invitation":{},"answers":{}}`,
	`{"invitation":null,"answers":{}}`,
	`{"invitation":{"id":"i1","id":"i2"},"answers":{}}`,
	`{"invitation":{"id":"i1","x":"y"},"answers":{}}`,
	`{"invitation":{"id":1},"answers":{}}`,
	`{"invitation":"i1","answers":{}}`,
	`{"invitation":{"id":"a"},"invitation":{"id":"b"},"answers":{}}`,
}

// TestDecodeFastInvitation: an invitation is read on the fast path, as
// the general decoder reads it.
func TestDecodeFastInvitation(t *testing.T) {
	for _, seed := range decodeSeeds[len(decodeSeeds)-9 : len(decodeSeeds)-5] {
		if !agree(t, []byte(seed)) {
			t.Errorf("%s: not on the fast path", seed)
		}
	}
}

func TestDecodeFastAgrees(t *testing.T) {
	for _, seed := range decodeSeeds {
		agree(t, []byte(seed))
	}
	// Every simulated submission of every example takes the fast path.
	for _, ex := range []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"} {
		s := testkit.Load(t, "../../examples/"+ex)
		cfg, _, _ := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
		var buf bytes.Buffer
		if err := simulate.Simulate(s, cfg, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
			t.Fatal(err)
		}
		// One decoder for the whole run, handed back every submission, as
		// ingest does: reused maps must not carry anything over.
		var dec answer.Decoder
		for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
			if !agree(t, line) {
				t.Fatalf("%s: a simulated submission missed the fast path: %s", ex, line)
			}
			sub, err := dec.DecodeJSON(line)
			want, _ := answer.DecodeGeneral(line)
			if err != nil || !reflect.DeepEqual(sub, want) {
				t.Fatalf("%s: a reused decoder read %s as %#v", ex, line, sub)
			}
			dec.Release(sub)
		}
	}
}

// TestDecodeRecord: the collector's log lines are read whole, with both
// members once and nothing else, whichever comes first.
func TestDecodeRecord(t *testing.T) {
	sub := `{"response_id":"r-0123456789abcdef","answers":{"q":"a"}}`
	for line, want := range map[string]bool{
		`{"received_at":"2026-11-24T10:00:00Z","submission":` + sub + `}`: true,
		`{"submission":` + sub + `,"received_at":"2026-11-24T10:00:00Z"}`: true,
		`{"submission":` + sub + `}`:                                      true,
		`{"received_at":"x","submission":` + sub + `,"extra":1}`:          false,
		`{"received_at":"x","submission":` + sub + `,"submission":{}}`:    false,
		`{"received_at":"x","received_at":"y","submission":` + sub + `}`:  false,
		`{"received_at":1,"submission":` + sub + `}`:                      false,
		`{"received_at":"x"}`:                                           false,
		`{"received_at":"x","submission":{"oops":1}}`:                   false,
		`{"response_id":"r-0123456789abcdef","submission":` + sub + `}`: false,
		`{"submission":` + sub + `,"response_id":"r-0123456789abcdef"}`: false,
	} {
		got, ok := new(answer.Decoder).DecodeRecord([]byte(line))
		if ok != want || ok && got.Answers["q"] != "a" {
			t.Errorf("DecodeRecord(%s) = %+v, %v; want ok %v", line, got, ok, want)
		}
	}
}

func FuzzDecodeFast(f *testing.F) {
	for _, seed := range decodeSeeds {
		f.Add([]byte(seed))
	}
	f.Add([]byte(strings.Repeat(`{"answers":`, 3)))
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data)
	})
}

// FuzzDecodeRecord: what DecodeRecord reads, a submission or a collector
// log line, the general decoder of that shape reads the same.
func FuzzDecodeRecord(f *testing.F) {
	for _, seed := range decodeSeeds {
		f.Add([]byte(seed))
		f.Add([]byte(`{"received_at":"2026-01-01T00:00:00Z","submission":` + seed + `}`))
		f.Add([]byte(`{"submission":` + seed + `,"received_at":1}`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, logLine, ok := answer.DecodeRecordShape(data)
		if !ok {
			return
		}
		general := answer.DecodeGeneral
		if logLine {
			general = answer.DecodeLogGeneral
		}
		want, err := general(data)
		if err != nil {
			t.Fatalf("DecodeRecord accepts what the general decoder rejects (%v, log line %v):\n%q", err, logLine, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the decoders read %q differently:\nfast    %#v\ngeneral %#v", data, got, want)
		}
	})
}

// TestDecoderSharesStrings: the keys and codes that recur among
// submissions are one string each, not one per submission; long text is
// never shared.
func TestDecoderSharesStrings(t *testing.T) {
	var dec answer.Decoder
	long := strings.Repeat("x", 40)
	line := `{"response_id":"abcdefghijklmnop%02d","survey":"s","lang":"en","answers":{"q1":"optimal","q2":"` + long + `"}}`
	var subs []*answer.Submission
	for i := 0; i < 2; i++ {
		sub, err := dec.DecodeJSON(fmt.Appendf(nil, line, i))
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sub)
	}
	a, b := subs[0].Answers["q1"].(string), subs[1].Answers["q1"].(string)
	if a != "optimal" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("the code %q was not shared", a)
	}
	x, y := subs[0].Answers["q2"].(string), subs[1].Answers["q2"].(string)
	if x != long || unsafe.StringData(x) == unsafe.StringData(y) {
		t.Errorf("long text was shared or changed")
	}
}

// TestDecodeRecordSubmission: it reads the submissions the fast path
// reads, but only those with an "answers" member (the rest may be flat
// exports), and a failed try leaves the released submission for the next
// decode.
func TestDecodeRecordSubmission(t *testing.T) {
	for _, seed := range decodeSeeds {
		data := []byte(seed)
		var members map[string]json.RawMessage
		_ = json.Unmarshal(data, &members)
		_, hasAnswers := members["answers"]
		fast, fastOK := answer.DecodeFast(data)
		got, ok := new(answer.Decoder).DecodeRecord(data)
		if want := fastOK && hasAnswers; ok != want {
			t.Errorf("DecodeRecord(%s): ok %v, want %v", seed, ok, want)
		} else if ok && !reflect.DeepEqual(got, fast) {
			t.Errorf("DecodeRecord(%s) = %#v, the fast path reads %#v", seed, got, fast)
		}
	}
	var dec answer.Decoder
	first, _ := dec.DecodeRecord([]byte(`{"response_id":"r-0123456789abcdef","answers":{"q":"a"}}`))
	dec.Release(first)
	if _, ok := dec.DecodeRecord([]byte(`{"response_id":"r-0123456789abcdef","q":"b"}`)); ok {
		t.Fatal("DecodeRecord read a flat export")
	}
	line := []byte(`{"received_at":"x","submission":{"answers":{"q":"b"}}}`)
	if sub, ok := dec.DecodeRecord(line); !ok || sub != first || sub.Answers["q"] != "b" {
		t.Errorf("after a failed try, the log line was read as %+v (ok %v), not into the released submission", sub, ok)
	}
}
