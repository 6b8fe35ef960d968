import Foundation

/// A progress line on standard error, only on a terminal and only once the input has
/// taken more than a second, so quick runs and pipelines stay quiet.
struct ProgressBar {
    private let totalBytes: Int?
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false

    init(totalBytes: Int?, enabled: Bool) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    mutating func update(bytes: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        shown = true
        let megabytes = String(format: "%.1f MB", Double(bytes) / 1_048_576)
        var line = "\r\u{1B}[2K"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(Double(bytes) / Double(totalBytes), 1)
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
        }
        line += megabytes + String(format: " · %.0f s", now.timeIntervalSince(started))
        Terminal.printError(line, newline: false)
    }

    /// Erases the line, so error messages and the end of the run start clean.
    mutating func clear() {
        guard shown else { return }
        Terminal.printError("\r\u{1B}[2K", newline: false)
        shown = false
    }
}
