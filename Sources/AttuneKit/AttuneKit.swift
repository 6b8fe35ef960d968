// AttuneKit is the one library product: it re-exports the layers a library user needs,
// so `import AttuneKit` still gives the whole public API. See docs/ARCHITECTURE.md.
@_exported import AttuneBatch
@_exported import AttuneBuiltIn
@_exported import AttuneCore
@_exported import AttuneEngine
@_exported import AttuneEvaluation
@_exported import AttuneLoading
@_exported import AttuneMatching
@_exported import AttuneOutput
@_exported import AttuneRules
@_exported import AttuneText
@_exported import AttuneTranscripts
