import AttuneCore

/// Reads JSONL transcript records from lines the caller already has, for a caller that
/// does not read a file descriptor: `attune serve` receives `/api/batch` bodies as
/// chunks of a network stream, not through `LineReader`. Each line is read exactly as
/// `attune batch --input-format jsonl` reads it, so both give the same records.
public struct JSONLLineReader {
    private var parser: JSONLTranscript

    /// `file` names the input in records and errors (`"request"` for a request body).
    public init(file: String) {
        parser = JSONLTranscript(file: file)
    }

    /// The record that line `number` (from 1) holds: a turn without its conversation
    /// context (give it one with `ConversationTracker`), an error record, or nil for a
    /// blank line. `bytes` is the line without its line break.
    public mutating func read<Bytes: Collection<UInt8>>(line number: Int, bytes: Bytes) -> TranscriptRecord? {
        var records: [TranscriptRecord] = []
        parser.read(InputLine(number: number, bytes: bytes), into: &records)
        return records.first
    }
}
