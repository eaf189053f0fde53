/// Hand-written JSON for the index files: keys in the order given, no spaces, non-ASCII text
/// as is. Faster than `JSONEncoder` for a few thousand large objects, and byte-stable.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: Array("\\n".utf8))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A quoted string of already-safe ASCII bytes (encoded postings).
    mutating func quoted(_ data: [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: data)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) { raw(String(value)) }

    /// A non-negative number with three decimals at most: 1.234, 0.5, 2.
    mutating func decimal(_ value: Double) {
        let thousandths = Int((value * 1000).rounded())
        var text = String(thousandths / 1000)
        var fraction = thousandths % 1000
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
            fraction = 0
        }
        raw(text)
    }
}
