import Foundation

/// Blocking work (a socket read, a child process) on a thread of its own, so it never
/// holds one of the few threads Swift concurrency shares among the tests running in
/// parallel and the server under test: on two cores, a blocked test could otherwise
/// starve the very handler it waits for.
enum OffPool {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result(catching: work)) }.start()
        }
    }
}
