import GongkaiModel

/// A part of a view that many pages show alike (the page chrome, a document as listings show
/// it), fingerprinted once when it is made: a page holding it adds that one number to its own
/// fingerprint instead of encoding the part again. Templates and schemas see the value itself:
/// it encodes and decodes as `value` does.
public struct Shared<Value: Codable & Sendable>: Codable, Sendable {
    public let value: Value
    /// The value's fingerprint (`FingerprintEncoder`), which stands for it in a page's.
    public let fingerprint: UInt64

    public init(_ value: Value) {
        var hasher = StableHasher()
        FingerprintEncoder.fingerprint(value, into: &hasher)
        self.value = value
        fingerprint = hasher.finalize()
    }

    public init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }

    public func encode(to encoder: any Encoder) throws {
        guard let sink = encoder as? HashSink else { return try value.encode(to: encoder) }
        sink.mark(.shared)
        sink.hasher.combine(fingerprint)
    }
}
