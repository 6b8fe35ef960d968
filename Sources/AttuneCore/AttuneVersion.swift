/// The attune release, shown by `attune --version` and part of every compiled-rules
/// cache key, so that a new attune never reads an older one's compiled rules.
public enum AttuneVersion {
    public static let current = "0.13.0"
}
