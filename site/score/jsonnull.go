package score

import (
	"math"
	"reflect"
	"strings"
	"sync"
)

// JSON has no NaN or infinity, and a figure that cannot be computed (an
// interval for one respondent, a correlation of a constant) is NaN in
// Results. Results are written through a mirror of their types in which
// every float64 is a *float64, nil — null in JSON — where the value is not
// finite, and read back the same way, null becoming NaN again. Fields
// tagged omitempty keep their meaning: 0 is left out, and a missing one
// reads as 0.

var mirrors sync.Map // reflect.Type → reflect.Type

var floatPtr = reflect.TypeOf((*float64)(nil))

// mirrorType is t with float64 replaced by *float64 at every depth.
func mirrorType(t reflect.Type) reflect.Type {
	if m, ok := mirrors.Load(t); ok {
		return m.(reflect.Type)
	}
	m := t
	switch t.Kind() {
	case reflect.Float64:
		m = floatPtr
	case reflect.Pointer:
		if e := mirrorType(t.Elem()); e != t.Elem() {
			m = reflect.PointerTo(e)
		}
	case reflect.Slice:
		if e := mirrorType(t.Elem()); e != t.Elem() {
			m = reflect.SliceOf(e)
		}
	case reflect.Map:
		if e := mirrorType(t.Elem()); e != t.Elem() {
			m = reflect.MapOf(t.Key(), e)
		}
	case reflect.Struct:
		fields := make([]reflect.StructField, 0, t.NumField())
		changed := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue // json skips them too
			}
			ft := mirrorType(f.Type)
			changed = changed || ft != f.Type
			fields = append(fields, reflect.StructField{Name: f.Name, Type: ft, Tag: f.Tag, Anonymous: f.Anonymous})
		}
		if changed {
			m = reflect.StructOf(fields)
		}
	}
	mirrors.Store(t, m)
	return m
}

func omitEmpty(f reflect.StructField) bool {
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	return strings.Contains(","+opts+",", ",omitempty,")
}

// toMirror copies v into a value of its mirror type.
func toMirror(v reflect.Value) reflect.Value {
	mt := mirrorType(v.Type())
	if mt == v.Type() {
		return v
	}
	out := reflect.New(mt).Elem()
	switch v.Kind() {
	case reflect.Float64:
		if x := v.Float(); !math.IsNaN(x) && !math.IsInf(x, 0) {
			out.Set(reflect.ValueOf(&x))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(mt.Elem())
			p.Elem().Set(toMirror(v.Elem()))
			out.Set(p)
		}
	case reflect.Slice:
		if !v.IsNil() {
			out.Set(reflect.MakeSlice(mt, v.Len(), v.Len()))
			for i := 0; i < v.Len(); i++ {
				out.Index(i).Set(toMirror(v.Index(i)))
			}
		}
	case reflect.Map:
		if !v.IsNil() {
			out.Set(reflect.MakeMapWithSize(mt, v.Len()))
			for it := v.MapRange(); it.Next(); {
				out.SetMapIndex(it.Key(), toMirror(it.Value()))
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			if f.Type.Kind() == reflect.Float64 && fv.Float() == 0 && omitEmpty(f) {
				continue // nil: left out, as before
			}
			out.FieldByName(f.Name).Set(toMirror(fv))
		}
	}
	return out
}

// fromMirror copies a mirror value m back into v (settable, of the
// original type). A null float is NaN, or 0 for an omitempty field.
func fromMirror(m, v reflect.Value, omit bool) {
	if m.Type() == v.Type() {
		v.Set(m)
		return
	}
	switch v.Kind() {
	case reflect.Float64:
		switch {
		case !m.IsNil():
			v.SetFloat(m.Elem().Float())
		case omit:
			v.SetFloat(0)
		default:
			v.SetFloat(math.NaN())
		}
	case reflect.Pointer:
		if !m.IsNil() {
			p := reflect.New(v.Type().Elem())
			fromMirror(m.Elem(), p.Elem(), false)
			v.Set(p)
		}
	case reflect.Slice:
		if !m.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), m.Len(), m.Len()))
			for i := 0; i < m.Len(); i++ {
				fromMirror(m.Index(i), v.Index(i), false)
			}
		}
	case reflect.Map:
		if !m.IsNil() {
			v.Set(reflect.MakeMapWithSize(v.Type(), m.Len()))
			for it := m.MapRange(); it.Next(); {
				e := reflect.New(v.Type().Elem()).Elem()
				fromMirror(it.Value(), e, false)
				v.SetMapIndex(it.Key(), e)
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fromMirror(m.FieldByName(f.Name), v.Field(i), omitEmpty(f))
		}
	}
}
