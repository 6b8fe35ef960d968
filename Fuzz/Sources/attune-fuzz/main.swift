import AttuneKit
import CFuzzerDriver
import Foundation

// attune-fuzz TARGET [libFuzzer flags] [corpus folders]: runs libFuzzer on one of
// `FuzzTarget` (analyze, transcript, rules). Built by Fuzz/run.sh with coverage and the
// address sanitizer; the inputs go through `FuzzRunner`, as in `swift test`'s seeded pass.

var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(
        Data(
            "usage: attune-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) [libFuzzer flags]\n".utf8)
    )
    exit(2)
}
arguments.remove(at: 1)

/// Made before libFuzzer starts, so the engine is compiled once, not per input.
nonisolated(unsafe) let runner: FuzzRunner = {
    do { return try FuzzRunner(target: target) } catch {
        FileHandle.standardError.write(Data("attune-fuzz: \(error)\n".utf8))
        exit(1)
    }
}()
_ = runner.target

var argc = Int32(arguments.count)
var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = size == 0 ? [] : [UInt8](UnsafeBufferPointer(start: data, count: size))
        runner.run(bytes)
        return 0
    }
}
exit(status)
