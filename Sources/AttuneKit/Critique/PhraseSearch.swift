/// Which of many phrases occur in a text, in one pass over the text (Aho-Corasick over
/// UTF-8 bytes). The rewrite asks this of every fact it carries over: asking the text
/// once per fact would cost facts × length, and a long reply can hold many facts.
struct PhraseSearch {
    private var transitions: [[UInt8: Int32]] = [[:]]
    private var fail: [Int32] = [0]
    /// Phrases ending at each node, directly or through its failure links.
    private var output: [[Int]] = [[]]
    private let phrases: [String]

    init(_ phrases: [String]) {
        self.phrases = phrases
        for (index, phrase) in phrases.enumerated() {
            var node = 0
            for byte in phrase.utf8 {
                if let next = transitions[node][byte] {
                    node = Int(next)
                } else {
                    transitions.append([:])
                    fail.append(0)
                    output.append([])
                    transitions[node][byte] = Int32(transitions.count - 1)
                    node = transitions.count - 1
                }
            }
            output[node].append(index)
        }
        // Failure links, breadth first: the longest proper suffix that is also a prefix.
        var queue = Array(transitions[0].values.map(Int.init))
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (byte, child) in transitions[node] {
                var link = Int(fail[node])
                while link != 0 && transitions[link][byte] == nil { link = Int(fail[link]) }
                let target = transitions[link][byte].map(Int.init) ?? 0
                fail[Int(child)] = Int32(target == Int(child) ? 0 : target)
                output[Int(child)] += output[Int(fail[Int(child)])]
                queue.append(Int(child))
            }
        }
    }

    /// The phrases that occur in `text` (an empty phrase always does).
    func found(in text: String) -> Set<String> {
        var seen = Set(output[0].map { phrases[$0] })
        var marked = [Bool](repeating: false, count: transitions.count)
        var node = 0
        for byte in text.utf8 {
            while node != 0 && transitions[node][byte] == nil { node = Int(fail[node]) }
            node = transitions[node][byte].map(Int.init) ?? 0
            // A node's phrases are reported once: later visits add nothing.
            if !marked[node] {
                marked[node] = true
                for index in output[node] { seen.insert(phrases[index]) }
            }
        }
        return seen
    }
}
