survey "paths" {
  title = "Paths"
  endpoint {
    url = "https://example.org/collect"
  }
  theme {
    logo = "../../../etc/hostname" # ERROR @12: Path Outside the Survey Folder
  }
}

page "p" {
  title = "P"
  question "q" {
    type = "nps"
    text = "Recommend?"
  }
}

report {
  theme = "paths.hcl" # ERROR @11: Not a Folder
  pages = [
    "../../../etc/passwd", # ERROR @5: Path Outside the Survey Folder
    "/etc/passwd",         # ERROR @5: Absolute Path
    "pages/../../x.md",    # ERROR @5: Path Outside the Survey Folder
    "missing.md",          # ERROR @5: File Not Found
    ".",                   # ERROR @5: Not a File
    "survey.hcl",
    "./pages/../paths.hcl",
  ]
}
