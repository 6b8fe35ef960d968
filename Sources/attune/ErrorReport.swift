import AttuneKit

/// The one place where an error a command threw becomes a message on standard error
/// and an exit status; commands only throw.
enum ErrorReport {
    /// Prints the message for `error` and returns the exit status, or nil for an error
    /// swift-argument-parser reports itself (`ValidationError`, `ExitCode`, help).
    static func status(for error: any Error) -> Int32? {
        switch error {
        case let error as AttuneError:
            Terminal.printError("attune: " + error.description)
            return 1
        case let failure as CommandFailure:
            Terminal.printError("attune: " + failure.message)
            return failure.status
        case let failure as OutputFailure:
            switch failure {
            // The reader went away (`| head`): quietly, with the status a shell reports
            // for a filter stopped by a closed pipe.
            case .closed: return 141
            case .failed(let reason):
                Terminal.printError("attune: cannot write the output: " + reason)
                return 1
            }
        default:
            return nil
        }
    }
}
