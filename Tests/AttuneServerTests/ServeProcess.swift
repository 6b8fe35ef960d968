import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `attune serve` binary as a process, on a port the system picks (`--port
/// 0`), so tests never race for a fixed port; its URL is read from the line it prints.
final class ServeProcess: @unchecked Sendable {
    // @unchecked: set up once in `start`, then only read; `stop` is idempotent.
    let process: Process
    let url: String
    let logFile: URL

    private init(process: Process, url: String, logFile: URL) {
        self.process = process
        self.url = url
        self.logFile = logFile
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built `attune` binary, next to the test bundle (as the command-line tests find it).
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("attune")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/attune")
    }()

    /// Starts `attune serve --port 0` and waits for the line with its URL.
    static func start() throws -> ServeProcess {
        let logFile = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("e2e/serve.log")
        try FileManager.default.createDirectory(
            at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--no-config"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let line = readLine(output.fileHandleForReading)
        guard let range = line.range(of: #"http://[^\s]+"#, options: .regularExpression) else {
            process.terminate()
            process.waitUntilExit()
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw ServeError("attune serve printed no URL (got \(line.debugDescription)); its log:\n\(log)")
        }
        return ServeProcess(process: process, url: String(line[range]), logFile: logFile)
    }

    /// Polls /healthz until it answers 200.
    func waitForHealth(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        let health = URL(string: url + "healthz")!
        while ContinuousClock.now < deadline {
            if let (data, response) = try? await URLSession.shared.data(from: health),
                (response as? HTTPURLResponse)?.statusCode == 200,
                String(decoding: data, as: UTF8.self) == #"{"status":"ok"}"#
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeError("\(health) did not answer within \(timeout); server log:\n\(log())")
    }

    func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// SIGTERM, then wait: the server shuts down gracefully.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Runs a program to its end, its standard error merged into its output.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = readAll(pipe.fileHandleForReading)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Reads up to the first line break (or the end), retrying reads a signal interrupts.
    static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(handle.fileDescriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a pipe to its end, retrying reads a child's exit signal interrupts
    /// (Foundation's readDataToEndOfFile traps on EINTR).
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }
}

struct ServeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
