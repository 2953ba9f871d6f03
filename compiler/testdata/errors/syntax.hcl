survey "syntax" {
  title = = "Опрос" # ERROR @11: Invalid expression
}
