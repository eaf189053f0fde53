import Foundation
import GongkaiModel

/// What the previous build wrote, kept beside the output folder (`site/` → `.site.cache`): for
/// every output file the fingerprint of the inputs it was made from, the hash, size and
/// modification time of the bytes written, and what rendering found (warnings, the link
/// addresses of a document body). A build re-renders an output only when its fingerprint
/// changed, and rewrites it only when its bytes changed.
///
/// The file is plain text, one record per line, fields separated by tabs, ending in a line
/// `sum<Tab><hash of everything before it>`; it is thrown away (and the build made whole)
/// whenever it cannot be read, was made by another format, fails its checksum, or names a path
/// that `OutputPath` does not accept (`../x`, `/etc/x`): a crafted cache can never make a
/// build write or delete outside the output folder.
public struct BuildCache: Sendable, Equatable {
    public static let header = "gongkai-cache 3"

    public struct Record: Sendable, Equatable {
        /// Hash of everything the output was made from.
        public var fingerprint: UInt64
        /// Hash of the bytes written.
        public var content: UInt64
        public var size: Int
        /// `FileStamp.version` of the written file (its modification and inode-change times).
        public var modified: Int64
        /// Addresses of the links in a document body, resolved again to see if a target moved.
        public var links: [String] = []
        /// Hash of what the page was made from at all (the site's outline and the bodies it
        /// shows), checked before the fingerprint, which needs the view; 0 when not known.
        public var inputs: UInt64 = 0
        public var warnings: [Diagnostic] = []

        public init(
            fingerprint: UInt64, content: UInt64, size: Int, modified: Int64, links: [String] = [],
            warnings: [Diagnostic] = [], inputs: UInt64 = 0
        ) {
            self.inputs = inputs
            self.fingerprint = fingerprint
            self.content = content
            self.size = size
            self.modified = modified
            self.links = links
            self.warnings = warnings
        }
    }

    /// Identity of the output folder the records describe (device and inode), so that a cache
    /// is never trusted for a folder that was replaced or copied.
    public var folder: String
    public var records: [String: Record]

    public init(folder: String, records: [String: Record] = [:]) {
        self.folder = folder
        self.records = records
    }

    /// Where the cache of an output folder lives.
    public static func location(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    // MARK: Reading

    /// The cache in the file at `url`, parsed and verified.
    public static func read(from url: URL) -> BuildCache? {
        FileManager.default.contents(atPath: url.path).flatMap(decode)
    }

    /// The cache in `data`, or nil when it is damaged, crafted or of another format.
    public static func decode(_ data: Data) -> BuildCache? {
        guard let whole = String(data: data, encoding: .utf8), let body = verified(whole) else { return nil }
        return parse(body)
    }

    /// The text before the checksum line when the checksum matches.
    static func verified(_ text: String) -> Substring? {
        guard text.hasSuffix("\n"), let last = text.dropLast().lastIndex(of: "\n") else { return nil }
        let body = text[...last]
        let sumLine = text[text.index(after: last)...].dropLast()
        guard sumLine.hasPrefix("sum\t"), let sum = UInt64(sumLine.dropFirst(4), radix: 16),
            sum == hash(body)
        else { return nil }
        return body
    }

    /// `StableHasher.hash` of the text, from its bytes in place when they are contiguous.
    private static func hash(_ text: Substring) -> UInt64 {
        var hasher = StableHasher()
        guard text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) != nil else {
            return StableHasher.hash(String(text))
        }
        return hasher.finalize()
    }

    /// Lines and fields are split on their bytes: a newline or tab is never part of a longer
    /// character, and the written fields hold none (`escape`).
    private static func parse(_ text: Substring) -> BuildCache? {
        text.utf8.withContiguousStorageIfAvailable(parse(bytes:)) ?? Array(text.utf8).withUnsafeBufferPointer(parse(bytes:))
    }

    private typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> BuildCache? {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: true).makeIterator()
        guard let headerLine = lines.next(), headerLine.elementsEqual(header.utf8), let folderLine = lines.next(),
            folderLine.starts(with: "folder\t".utf8)
        else { return nil }
        var cache = BuildCache(folder: unescape(folderLine.dropFirst("folder\t".utf8.count)))
        cache.records.reserveCapacity(1024)
        var current: String?
        var fields: [Field] = []
        while let line = lines.next() {
            fields.removeAll(keepingCapacity: true)
            var start = line.startIndex
            for index in line.indices where line[index] == 9 {
                fields.append(line[start..<index])
                start = index + 1
            }
            fields.append(line[start..<line.endIndex])
            switch fields[0].count == 1 ? fields[0].first! : 0 {
            case UInt8(ascii: "P"):
                guard fields.count == 7, let fingerprint = UInt64(text(fields[2]), radix: 16),
                    let content = UInt64(text(fields[3]), radix: 16), let size = Int(text(fields[4])),
                    let modified = Int64(text(fields[5])), let inputs = UInt64(text(fields[6]), radix: 16)
                else { return nil }
                let path = unescape(fields[1])
                guard OutputPath.isSafe(path), cache.records[path] == nil else { return nil }
                cache.records[path] = Record(fingerprint: fingerprint, content: content, size: size, modified: modified, inputs: inputs)
                current = path
            case UInt8(ascii: "L"):
                guard fields.count == 2, let path = current else { return nil }
                cache.records[path]?.links.append(unescape(fields[1]))
            case UInt8(ascii: "W"):
                guard fields.count == 6, let path = current, let severity = Diagnostic.Severity(rawValue: text(fields[1])) else {
                    return nil
                }
                let diagnostic = Diagnostic(
                    severity, file: fields[2].isEmpty ? nil : unescape(fields[2]), line: Int(text(fields[3])),
                    unescape(fields[5]), rule: fields[4].isEmpty ? nil : unescape(fields[4]))
                cache.records[path]?.warnings.append(diagnostic)
            default:
                return nil
            }
        }
        return cache
    }

    private static func text(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }

    // MARK: Writing

    /// The file's bytes, written field by field into one buffer (13,000 records at ten thousand
    /// documents: interpolated strings were most of the cost).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + records.count * 128)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func hex(_ value: UInt64) {
            guard value != 0 else { return out.append(UInt8(ascii: "0")) }
            let digits = (64 - value.leadingZeroBitCount + 3) / 4
            for index in stride(from: digits - 1, through: 0, by: -1) {
                let digit = UInt8(truncatingIfNeeded: value >> (UInt64(index) * 4)) & 15
                out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
        func decimal(_ value: Int64) {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            let start = out.count
            repeat {
                out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            out[start...].reverse()
        }
        put("\(Self.header)\nfolder\t")
        put(Self.escape(folder))
        put("\n")
        for (path, record) in records.sorted(by: { $0.key < $1.key }) {
            put("P\t")
            put(Self.escape(path))
            put("\t")
            hex(record.fingerprint)
            put("\t")
            hex(record.content)
            put("\t")
            decimal(Int64(record.size))
            put("\t")
            decimal(record.modified)
            put("\t")
            hex(record.inputs)
            put("\n")
            for link in record.links {
                put("L\t")
                put(Self.escape(link))
                put("\n")
            }
            for warning in record.warnings {
                put(
                    "W\t\(warning.severity.rawValue)\t\(Self.escape(warning.file ?? ""))\t\(warning.line.map(String.init) ?? "")\t\(Self.escape(warning.rule ?? ""))\t\(Self.escape(warning.message))\n"
                )
            }
        }
        var hasher = StableHasher()
        out.withUnsafeBytes { hasher.combine(bytes: $0) }
        put("sum\t")
        hex(hasher.finalize())
        put("\n")
        return out
    }

    /// Writes the cache through a temporary file, so a crash leaves the old one or the new one.
    /// Returns the bytes written.
    @discardableResult public func write(to url: URL) throws -> Data {
        let data = Data(bytes())
        try FileWriter.replace(at: url) { put in try data.withUnsafeBytes { try put($0) } }
        return data
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 92 }) else { return text }
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The field with `\\`, `\t`, `\n` and `\r` read back (a backslash before anything else
    /// stands for what follows it).
    private static func unescape(_ field: Field) -> String {
        guard field.contains(92) else { return text(field) }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 92 {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
