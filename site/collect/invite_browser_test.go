package collect_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/invite"
)

const invitedHCL = `survey "invited" {
  title     = "Invited"
  languages = ["en"]
  endpoint {
    url = "https://example.org/submit"
  }
  invitations {}
}

hidden "company" {
  role = "participant"
}

page "p" {
  question "q_nps" {
    type = "nps"
    text = "Recommend?"
  }
}
`

// TestBrowserInvitation runs opros collect --keys with the forms it
// builds and opens a signed link in Chromium, with scripts and without:
// both forms send the invitation (form.js from the link, the form without
// JavaScript through the Referer), and the answers are stored with it; a
// link with company= changed is refused and kept in rejects.ndjson.
func TestBrowserInvitation(t *testing.T) {
	if testing.Short() {
		t.Skip("builds opros and drives Chromium")
	}
	tab := testkit.Browser(t)
	root := testkit.Root(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "opros")
	build := exec.Command("go", "build", "-o", bin, "./cmd/opros")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	surveyDir := filepath.Join(tmp, "survey")
	os.MkdirAll(surveyDir, 0o755)
	os.WriteFile(filepath.Join(surveyDir, "survey.hcl"), []byte(invitedHCL), 0o644)
	s, diags := compiler.New().Load(surveyDir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	keys := filepath.Join(tmp, "invite.keys")
	k, _, err := invite.LoadOrCreate(keys)
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(tmp, "data")
	cmd := exec.Command(bin, "collect", "--survey", surveyDir, "--data", data, "--addr", "127.0.0.1:0", "--keys", keys)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	words := strings.Fields(line)
	if err != nil || len(words) == 0 || !strings.HasPrefix(words[len(words)-1], "http://") {
		t.Fatalf("collector did not start: %q %v", line, err)
	}
	base := words[len(words)-1] + "/invited/en/"
	link := func(id, company string) string {
		inv := answer.Invitation{ID: id, Expires: "2099-12-31",
			Sig: k.Sign(invite.Signed{Survey: s.ID, ID: id, Expires: "2099-12-31", Hidden: map[string]string{"company": company}})}
		u, _ := invite.Link(base, s, inv, map[string]string{"company": company})
		return u
	}
	logPath := filepath.Join(data, "invited", "answers.ndjson")
	waitLog := func(n int) []answer.LogLine {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			log, _ := collect.ReadLog(logPath)
			if len(log) >= n || time.Now().After(deadline) {
				return log
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	// With JavaScript.
	tab.Go(t, link("js1", "acme"))
	tab.WaitFor(t, `window.oprosReady === true`)
	tab.Do(t, `localStorage.clear()`)
	tab.Go(t, link("js1", "acme"))
	tab.WaitFor(t, `window.oprosReady === true`)
	tab.Do(t, answerAndSend("7"))
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	log := waitLog(1)
	if len(log) != 1 || log[0].Submission.Invitation == nil || log[0].Submission.Invitation.ID != "js1" || log[0].Submission.Hidden["company"] != "acme" {
		t.Fatalf("with JavaScript: %+v", log)
	}

	// A forged company= with JavaScript: refused, kept with the reason.
	forged := strings.Replace(link("js2", "acme"), "company=acme", "company=rival", 1)
	tab.Go(t, forged)
	tab.WaitFor(t, `window.oprosReady === true`)
	tab.Do(t, answerAndSend("1"))
	deadline := time.Now().Add(10 * time.Second)
	for {
		rej, _ := os.ReadFile(filepath.Join(data, "invited", "rejects.ndjson"))
		if strings.Contains(string(rej), `"code":"altered"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the forged link's answer is not in rejects.ndjson: %s", rej)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The form says the link is not valid and stops: a retry would be
	// refused the same way.
	tab.WaitFor(t, `document.querySelector("#status").textContent.indexOf("This link is not valid") === 0`)
	time.Sleep(3 * time.Second) // past the first retry's 2 s
	if rej, _ := os.ReadFile(filepath.Join(data, "invited", "rejects.ndjson")); strings.Count(string(rej), "\n") != 1 {
		t.Errorf("the refused form posted again: %d rejects", strings.Count(string(rej), "\n"))
	}
	if !testkit.JS[bool](t, tab, `document.querySelector("#thanks").hidden && localStorage.length > 0`) {
		t.Error("after a refusal the form thanked or forgot the answers")
	}

	// Without JavaScript.
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, link("nojs1", "globex"))
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.Do(t, `document.querySelector("input[name=q_nps][value='9']").checked = true; document.querySelector("#send").click()`)
	afterNavigation(t, tab, `!document.getElementById("opros-form") && !!document.querySelector("h1")`)
	log = waitLog(2)
	if len(log) != 2 || log[1].Submission.Invitation == nil || log[1].Submission.Invitation.ID != "nojs1" || log[1].Submission.Hidden["company"] != "globex" {
		t.Fatalf("without JavaScript: %+v", log)
	}
	if inv := log[1].Submission.Invitation; inv.Expires != "2099-12-31" || log[1].Submission.SubmittedAt == "" {
		t.Errorf("without JavaScript: invitation %+v, submitted_at %q", inv, log[1].Submission.SubmittedAt)
	}
}

// answerAndSend answers q_nps with value and steps on (through a review
// step when the survey has one) until the form sends.
func answerAndSend(value string) string {
	return `document.querySelector("input[name=q_nps][value='` + value + `']").click();
		(function step() {
			if (!document.querySelector("#send").hidden) { document.querySelector("#send").click(); return; }
			document.querySelector("#next").click(); setTimeout(step, 50);
		})()`
}
