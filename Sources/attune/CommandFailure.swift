/// A failure a command reports in its own words ("no rule 'x'"), thrown up to the
/// entry point, which prints it after "attune: " and exits with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 1

    init(_ message: String, status: Int32 = 1) {
        self.message = message
        self.status = status
    }

    var description: String { message }
}
