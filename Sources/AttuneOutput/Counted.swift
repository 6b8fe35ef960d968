/// "1 finding", "2 findings": a count and its noun, for the reports people read.
func counted(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
