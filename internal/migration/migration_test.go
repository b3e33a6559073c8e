package migration

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadOrdersByVersion(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0010_late.sql":  {Data: []byte("SELECT 10;")},
		"m/0002_next.sql":  {Data: []byte("SELECT 2;")},
		"m/0001_first.sql": {Data: []byte("SELECT 1;")},
		"m/README":         {Data: []byte("not a migration")},
	}
	ms, err := Load(fsys, "m/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Name+"="+m.SQL)
	}
	want := "0001_first.sql=SELECT 1;,0002_next.sql=SELECT 2;,0010_late.sql=SELECT 10;"
	if strings.Join(got, ",") != want {
		t.Errorf("Load = %v, want %s", got, want)
	}
	if ms[2].Version != 10 {
		t.Errorf("version of %s = %d", ms[2].Name, ms[2].Version)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no number":      {"m/init.sql": {}},
		"zero":           {"m/0000_init.sql": {}},
		"shared version": {"m/0001_a.sql": {}, "m/01_b.sql": {}},
	} {
		if _, err := Load(fsys, "m/*.sql"); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}
