import Testing

@testable import AttuneEngine

/// Topic stems are a sorted list standing for a set: each operation must give what the
/// same operation on sets gives, whatever the order and repeats the stems came in.
@Suite struct TopicStemsTests {
    let samples: [[String]] = [
        [], ["mom"], ["sick", "mom", "hospi", "mom"], ["visit", "hospi"], ["zoo", "abc", "work", "abc"],
        ["café", "cafe\u{301}", "exam"], ["exam", "study", "work", "sick"],
    ]

    @Test func stemsAreSortedAndEachOnce() {
        for words in samples {
            let stems = TopicStems(words)
            #expect(stems.words.count == Set(words).count && Set(stems.words) == Set(words), "\(words)")
            #expect(zip(stems.stems, stems.stems.dropFirst()).allSatisfy { $0 < $1 }, "\(words)")
            #expect(stems.isEmpty == words.isEmpty)
        }
    }

    @Test func operationsAgreeWithSets() {
        for first in samples {
            for second in samples {
                let (a, b) = (TopicStems(first), TopicStems(second))
                let (setA, setB) = (Set(first), Set(second))
                #expect(a.isDisjoint(with: b) == setA.isDisjoint(with: setB), "\(first) \(second)")
                #expect(a.intersection(b) == TopicStems(Array(setA.intersection(setB))), "\(first) \(second)")
                #expect(a.union(b) == TopicStems(Array(setA.union(setB))), "\(first) \(second)")
                #expect(Set(a.intersection(b).words) == setA.intersection(setB), "\(first) \(second)")
            }
        }
    }

    @Test func equalSetsAreEqualAndHashAlike() {
        let a = TopicStems(["mom", "sick", "mom"])
        let b = TopicStems(["sick", "mom"])
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != TopicStems(["mom"]))
    }
}
