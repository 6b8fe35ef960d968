import Synchronization

/// A value of compiled rules kept as its bytes until first asked for. A reply reaches
/// few of the thousands of patterns, and the rule set's lint warnings are read only by
/// `attune rules`: decoding them all was a fifth of `attune check`'s start.
///
/// Copies share one box, so each value is decoded at most once; safe across threads.
package final class Deferred<Value: Archivable & Sendable>: Sendable {
    private enum State {
        case value(Value)
        /// Where the value's bytes lie, read in place when first asked for.
        case bytes(ArchiveBytes, Range<Int>)
    }

    private let state: Mutex<State>
    /// The value once decoded, read without the lock: a mutex and its generic state
    /// per read were a percent of a batch. Written once, under the lock, before
    /// `isDecoded` is released; read only after `isDecoded` is acquired. A pointer, not
    /// a stored `var`: each read of a class's `var` is checked for exclusive access.
    private nonisolated(unsafe) let decoded = UnsafeMutablePointer<Value?>.allocate(capacity: 1)
    private let isDecoded: Atomic<Bool>

    package init(_ value: Value) {
        state = Mutex(.value(value))
        decoded.initialize(to: value)
        isDecoded = Atomic(true)
    }

    private init(_ source: ArchiveBytes, _ range: Range<Int>) {
        state = Mutex(.bytes(source, range))
        decoded.initialize(to: nil)
        isDecoded = Atomic(false)
    }

    deinit {
        decoded.deinitialize(count: 1)
        decoded.deallocate()
    }

    package var value: Value {
        if isDecoded.load(ordering: .acquiring), let value = decoded.pointee { return value }
        return state.withLock { state in
            switch state {
            case .value(let value):
                return value
            case .bytes(let source, let range):
                var reader = ArchiveReader(source, range: range)
                // The bytes passed the compiled file's checksum or were built into the
                // binary, so only a writer and a reader out of step can fail here;
                // `CompiledRulesTests` reads every deferred part back.
                guard let value = try? reader.read() as Value, reader.isAtEnd else {
                    preconditionFailure("compiled rules cannot be read: attune's archive writer and reader differ")
                }
                state = .value(value)
                decoded.pointee = value
                isDecoded.store(true, ordering: .releasing)
                return value
            }
        }
    }
}

/// The value's bytes as one run, written by a writer of their own (so shared strings
/// are written again inside it), and skipped over when read. A value still unread is
/// written as the bytes it was read from, not decoded to be encoded again.
extension Deferred: Archivable {
    package func archive(into writer: inout ArchiveWriter) {
        state.withLock { state in
            switch state {
            case .bytes(let source, let range):
                writer.writeRaw(UnsafeRawBufferPointer(rebasing: source.buffer[range]))
            case .value(let value):
                var own = ArchiveWriter()
                own.write(value)
                writer.writeRaw(own.bytes)
            }
        }
    }

    /// Keeps the reader's bytes and where the value lies in them: nothing is copied.
    package convenience init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.readCount(elementSize: 1)
        self.init(reader.source, reader.skip(count: count))
    }
}
