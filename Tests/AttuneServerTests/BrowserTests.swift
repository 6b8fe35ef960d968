import Foundation
import Testing

/// The page in a real browser: the built `attune serve` on a free loopback port, driven
/// by Tests/e2e/browser_test.py in Debian's headless Chromium. It fails, saying what to
/// install, when the browser or Selenium is missing: a skipped browser test would let a
/// broken page pass CI unseen.
@Suite(.serialized) struct BrowserTests {
    static let python = "/usr/bin/python3"
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let install = "apt-get install -y chromium chromium-driver python3-selenium (as .ci/run does)"

    /// The limit guards against a hung browser, not a slow one: beside the other suites
    /// on 2 cores this test has taken 177 s and 251 s.
    @Test(.timeLimit(.minutes(10)))
    func typingAMisattunedReplyHighlightsItAndASuggestionReplacesIt() async throws {
        try Self.requireBrowser()
        let server = try await OffPool.run { try ServeProcess.start() }
        defer { server.stop() }
        try await server.waitForHealth()

        // Under the build folder, never in the work tree: .build*/<triple>/e2e/.
        let folder = ServeProcess.binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("e2e")
        let screenshot = folder.appendingPathComponent("web-page.png")
        let after = folder.appendingPathComponent("web-page-after-suggestion.png")
        try? FileManager.default.removeItem(at: screenshot)
        try? FileManager.default.removeItem(at: after)
        let script = ServeProcess.packageRoot.appendingPathComponent("Tests/e2e/browser_test.py")
        let arguments = [
            script.path, "--url", server.url, "--screenshot", screenshot.path, "--after-screenshot", after.path,
        ]
        let run = try await OffPool.run { try ServeProcess.run(Self.python, arguments) }
        #expect(
            run.status == 0,
            "browser_test.py failed (exit \(run.status)):\n\(run.output)\nserver log:\n\(server.log())")
        // Both screenshots are real PNG images.
        for file in [screenshot, after] {
            let data = FileManager.default.contents(atPath: file.path) ?? Data()
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 10_000, "no image at \(file.path)")
        }
    }

    /// The HTML report explains a marked span on keyboard focus as well as on hover.
    @Test(.timeLimit(.minutes(10)))
    func theReportsMarkedSpansExplainThemselvesOnFocus() async throws {
        try Self.requireBrowser()
        let folder = ServeProcess.binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("e2e")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chat = ServeProcess.packageRoot.appendingPathComponent("Examples/chat.jsonl").path
        let report = try ServeProcess.run(ServeProcess.binary.path, ["batch", "--format", "html", chat])
        #expect(report.status == 0)
        let page = folder.appendingPathComponent("report.html")
        try Data(report.output.utf8).write(to: page)
        let script = ServeProcess.packageRoot.appendingPathComponent("Tests/e2e/report_focus_test.py")
        let arguments = [
            script.path, "--report", page.path, "--screenshot", folder.appendingPathComponent("report-focus.png").path,
        ]
        let run = try await OffPool.run { try ServeProcess.run(Self.python, arguments) }
        #expect(run.status == 0, "report_focus_test.py failed (exit \(run.status)):\n\(run.output)")
    }

    /// Fails with what to install when the browser, its driver or Selenium is missing.
    static func requireBrowser() throws {
        var missing: [String] = []
        for (path, package) in [(chromium, "chromium"), (chromedriver, "chromium-driver")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            missing.append("\(package) (no \(path))")
        }
        if !FileManager.default.isExecutableFile(atPath: python) {
            missing.append("python3 (no \(python))")
        } else if (try? ServeProcess.run(python, ["-c", "import selenium"]).status) != 0 {
            missing.append("python3-selenium (\(python) cannot import selenium)")
        }
        if !missing.isEmpty {
            Issue.record("The browser test needs \(missing.joined(separator: ", ")). Install: \(install)")
            throw BrowserMissing()
        }
    }

    struct BrowserMissing: Error {}
}
