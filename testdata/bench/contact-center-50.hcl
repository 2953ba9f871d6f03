# make bench: the contact-center survey answered by 50 participants over two waves
# (issue budgets: ingest and report of 1,000,000 responses, 50 participants).
responses = 10000

wave "2017" {
  shift = -0.1
}
wave "2018" {}

segment "bank" {}
segment "telecom" {}
segment "retail" {}

company "Participant 01" {
  segment = "bank"
  shift   = -0.5
}
company "Participant 02" {
  segment = "telecom"
  shift   = 0.3
}
company "Participant 03" {
  segment = "retail"
  shift   = 0.05
}
company "Participant 04" {
  segment = "bank"
  shift   = -0.2
}
company "Participant 05" {
  segment = "telecom"
  shift   = -0.45
}
company "Participant 06" {
  segment = "retail"
  shift   = 0.35
}
company "Participant 07" {
  segment = "bank"
  shift   = 0.1
}
company "Participant 08" {
  segment = "telecom"
  shift   = -0.15
}
company "Participant 09" {
  segment = "retail"
  shift   = -0.4
}
company "Participant 10" {
  segment = "bank"
  shift   = 0.4
}
company "Participant 11" {
  segment = "telecom"
  shift   = 0.15
}
company "Participant 12" {
  segment = "retail"
  shift   = -0.1
}
company "Participant 13" {
  segment = "bank"
  shift   = -0.35
}
company "Participant 14" {
  segment = "telecom"
  shift   = 0.45
}
company "Participant 15" {
  segment = "retail"
  shift   = 0.2
}
company "Participant 16" {
  segment = "bank"
  shift   = -0.05
}
company "Participant 17" {
  segment = "telecom"
  shift   = -0.3
}
company "Participant 18" {
  segment = "retail"
  shift   = 0.5
}
company "Participant 19" {
  segment = "bank"
  shift   = 0.25
}
company "Participant 20" {
  segment = "telecom"
  shift   = 0.0
}
company "Participant 21" {
  segment = "retail"
  shift   = -0.25
}
company "Participant 22" {
  segment = "bank"
  shift   = -0.5
}
company "Participant 23" {
  segment = "telecom"
  shift   = 0.3
}
company "Participant 24" {
  segment = "retail"
  shift   = 0.05
}
company "Participant 25" {
  segment = "bank"
  shift   = -0.2
}
company "Participant 26" {
  segment = "telecom"
  shift   = -0.45
}
company "Participant 27" {
  segment = "retail"
  shift   = 0.35
}
company "Participant 28" {
  segment = "bank"
  shift   = 0.1
}
company "Participant 29" {
  segment = "telecom"
  shift   = -0.15
}
company "Participant 30" {
  segment = "retail"
  shift   = -0.4
}
company "Participant 31" {
  segment = "bank"
  shift   = 0.4
}
company "Participant 32" {
  segment = "telecom"
  shift   = 0.15
}
company "Participant 33" {
  segment = "retail"
  shift   = -0.1
}
company "Participant 34" {
  segment = "bank"
  shift   = -0.35
}
company "Participant 35" {
  segment = "telecom"
  shift   = 0.45
}
company "Participant 36" {
  segment = "retail"
  shift   = 0.2
}
company "Participant 37" {
  segment = "bank"
  shift   = -0.05
}
company "Participant 38" {
  segment = "telecom"
  shift   = -0.3
}
company "Participant 39" {
  segment = "retail"
  shift   = 0.5
}
company "Participant 40" {
  segment = "bank"
  shift   = 0.25
}
company "Participant 41" {
  segment = "telecom"
  shift   = 0.0
}
company "Participant 42" {
  segment = "retail"
  shift   = -0.25
}
company "Participant 43" {
  segment = "bank"
  shift   = -0.5
}
company "Participant 44" {
  segment = "telecom"
  shift   = 0.3
}
company "Participant 45" {
  segment = "retail"
  shift   = 0.05
}
company "Participant 46" {
  segment = "bank"
  shift   = -0.2
}
company "Participant 47" {
  segment = "telecom"
  shift   = -0.45
}
company "Participant 48" {
  segment = "retail"
  shift   = 0.35
}
company "Participant 49" {
  segment = "bank"
  shift   = 0.1
}
company "Participant 50" {
  segment = "telecom"
  shift   = -0.15
}
