// In-process analysis throughput: replies per second on one thread, after loading,
// the way the ICU floor and the peers are timed (process start and loading excluded).
//
// Usage: attune-throughput FILE.txt [--rules DIR] [--runs N]
// Prints one JSON object: {"utterances", "runs", "median_seconds", "per_second"}.
import AttuneKit
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}
let packs = option("--rules").map { [$0] } ?? []
let runs = Int(option("--runs") ?? "3") ?? 3
guard let path = arguments.first, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: attune-throughput FILE.txt [--rules DIR] [--runs N]\n".utf8))
    exit(2)
}
let replies = text.split(separator: "\n").map(String.init)

do {
    let ruleSet = try RuleSet.load(base: RuleSet.builtInFiles(), packs: try packs.map { try RuleSet.files(in: $0) })
    let analyzer = try Engine(ruleSet: ruleSet).makeAnalyzer()
    for reply in replies.prefix(1000) { _ = analyzer.analyze(reply) }  // warm up
    var times: [Double] = []
    var checksum = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        for reply in replies { checksum &+= analyzer.analyze(reply).score }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let median = times.sorted()[times.count / 2]
    print(
        #"{"utterances": \#(replies.count), "runs": \#(runs), "median_seconds": \#(median), "per_second": \#(Int(Double(replies.count) / median)), "checksum": \#(checksum)}"#
    )
} catch {
    FileHandle.standardError.write(Data("attune-throughput: \(error)\n".utf8))
    exit(1)
}
