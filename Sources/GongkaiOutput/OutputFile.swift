import Foundation

/// One output made by a build: a rendered page or index file, or a file kept as it is.
public struct OutputFile: Sendable {
    public let path: String
    public var record: BuildCache.Record
    /// The new text, or nil when the previous file is kept as it is.
    public let text: String?

    public init(path: String, record: BuildCache.Record, text: String?) {
        self.path = path
        self.record = record
        self.text = text
    }
}

/// A file copied as it is (a template asset or an attachment), with the fingerprint of its
/// source (size, time, identity).
public struct AssetFile: Sendable {
    public let source: String
    public let path: String
    public let fingerprint: UInt64
    /// The bytes themselves, for a file held in memory (the built-in theme's assets); nil: read `source`.
    public let bytes: Data?

    public init(source: String, path: String, fingerprint: UInt64, bytes: Data? = nil) {
        self.source = source
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
    }
}
