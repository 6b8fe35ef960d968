import AttuneCore
import Foundation

/// Reads the inputs a user named (files, folders searched recursively, `-` for
/// standard input) as one stream of records in order, a file's format coming from
/// its extension, else from its first line, unless one is forced.
public final class TranscriptReader {
    private var pendingInputs: [String]
    private let forcedFormat: TranscriptFormat?
    private var current: OpenInput?
    private var ready: [TranscriptRecord] = []
    private var readyIndex = 0
    /// Bytes read across all inputs, for progress.
    public private(set) var bytesRead = 0
    private var bytesBeforeCurrent = 0

    /// Folders are expanded now; a file that cannot be read becomes an error record
    /// when its turn comes (line 0: the file as a whole), and the others are still read.
    public init(inputs: [String], format: TranscriptFormat? = nil) {
        forcedFormat = format
        pendingInputs = inputs.flatMap(Self.expand).reversed()
    }

    /// The total size of the named files (nil when reading standard input), for progress.
    public var totalBytes: Int? {
        var total = 0
        for path in pendingInputs {
            guard path != "-", let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }

    /// The next record, or nil when every input is read.
    public func next() -> TranscriptRecord? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            do { try readMore() } catch {
                var message = error.description
                if case .unreadable(_, let reason) = error { message = "cannot be read: \(reason)" }
                ready.append(.failure(RecordError(file: current?.name ?? "", line: 0, message: message)))
                current = nil
            }
            if ready.isEmpty && current == nil && pendingInputs.isEmpty { return nil }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// Reads one line (opening the next input when needed) into `ready`.
    private func readMore() throws(AttuneError) {
        if current == nil {
            guard let path = pendingInputs.popLast() else { return }
            current = OpenInput(name: path, format: forcedFormat ?? TranscriptFormat(fileName: path))
            current?.reader = try LineReader(path: path)
        }
        guard let input = current, let reader = input.reader else { return }
        guard let line = try reader.next() else {
            input.parser?.finish(into: &ready)
            bytesBeforeCurrent += reader.bytesRead
            bytesRead = bytesBeforeCurrent
            current = nil
            return
        }
        bytesRead = bytesBeforeCurrent + reader.bytesRead
        if input.parser == nil {
            // Sniff the format from the first non-blank line; an unreadable one decides nothing.
            if let text = line.text, text.isBlank { return }
            input.parser = (line.text.map { TranscriptFormat(firstLine: $0) } ?? .text).makeParser(file: input.name)
        }
        input.parser?.read(line, into: &ready)
    }

    /// The input being read.
    private final class OpenInput {
        let name: String
        var reader: LineReader?
        var parser: (any TranscriptParser)?

        init(name: String, format: TranscriptFormat?) {
            self.name = name
            parser = format?.makeParser(file: name)
        }
    }

    /// A file as itself; a folder as its transcript files, sorted, recursively.
    static func expand(_ input: String) -> [String] {
        var isFolder: ObjCBool = false
        guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue,
            let walker = FileManager.default.enumerator(atPath: input)
        else { return [input] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            guard TranscriptFormat(fileName: relative) != nil,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            let path = (input.hasSuffix("/") ? input : input + "/") + relative
            var isSubfolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isSubfolder), !isSubfolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
