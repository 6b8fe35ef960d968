import ArgumentParser
import AttuneKit
import AttuneServer
import Foundation

/// `attune serve`: the web page and JSON API of AttuneServer, on this computer.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a web page (and a JSON API) for checking replies, on this computer.",
        discussion: """
            Open the printed URL in a browser. Nothing leaves this computer: the server makes no request \
            of its own and logs only methods, paths, statuses, sizes and timings, never the text. It \
            listens on loopback unless --host says otherwise. Ctrl-C stops it.
            """
    )

    @Option(
        help: """
            The address to listen on. 0.0.0.0 lets other devices on your network reach the page by this \
            computer's IP address (http://192.168.1.20:8080/); names other than localhost need --allow-host.
            """)
    var host = "127.0.0.1"

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "Also answer to this name in the Host header (repeatable), e.g. a name this computer has on your network.",
            valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: "The port to listen on (0: any free port; the URL printed names it).")
    var port = 8080

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let engine = try rules.loadEngine()
        let server = try WebServer(
            engine: engine, configuration: ServerConfiguration(host: host, port: port, allowedHosts: allowedHosts))
        do {
            try await server.run { url in
                // Unbuffered, so a script reading the pipe sees the URL at once.
                FileHandle.standardOutput.write(Data("attune is serving \(url) (Ctrl-C stops it)\n".utf8))
            }
        } catch {
            throw CommandFailure("cannot serve on \(host):\(port): \(error)")
        }
    }
}
