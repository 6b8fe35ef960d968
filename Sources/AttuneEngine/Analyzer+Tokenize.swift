import AttuneText

extension Analyzer {
    /// The reply's tokens, as the analysis reads them: the first step of `analyze`, on
    /// its own, for the micro-benchmarks (Benchmarks/Micro) and tools that time it.
    public func tokenize(_ text: String) -> TokenizedText { pipeline.tokenize(text) }
}
