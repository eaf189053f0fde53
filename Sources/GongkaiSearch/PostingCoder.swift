/// The compact text encoding of postings lists and document sets inside the index's JSON
/// files, decoded by search.js. One character carries 6 bits (the URL-safe base-64 alphabet,
/// which needs no JSON escaping):
/// - a number is written in groups of 5 bits, lowest first, with bit 32 set on every group but
///   the last: 0–31 take one character, up to 1023 two;
/// - a postings list is, per document, the gap to the previous document id (minus one) and
///   the number `SearchScoring.value` (4 × body count + 2 × heading + meta);
/// - a bitmap gives document `6 × j + i` in bit `i` of character `j`.
enum PostingCoder {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func appendNumber(_ number: Int, to output: inout [UInt8]) {
        var value = number
        while value >= 32 {
            output.append(alphabet[(value & 31) | 32])
            value >>= 5
        }
        output.append(alphabet[value])
    }

    /// Characters `appendNumber` writes for `number`.
    static func length(of number: Int) -> Int {
        var value = number
        var count = 1
        while value >= 32 {
            count += 1
            value >>= 5
        }
        return count
    }

    /// Documents (ascending ids) with a number each.
    static func counts(_ documents: [(id: Int32, value: Int)]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(documents.count * 2)
        var previous = -1
        for posting in documents {
            appendNumber(Int(posting.id) - previous - 1, to: &output)
            appendNumber(posting.value, to: &output)
            previous = Int(posting.id)
        }
        return output
    }

    /// Documents (ascending ids) without scores: a gap list.
    static func gaps(_ ids: [Int32]) -> [UInt8] {
        var output: [UInt8] = []
        var previous = -1
        for id in ids {
            appendNumber(Int(id) - previous - 1, to: &output)
            previous = Int(id)
        }
        return output
    }

    /// The value of each character of `alphabet`, 255 for any other byte.
    static let values: [UInt8] = {
        var values = [UInt8](repeating: 255, count: 256)
        for (value, character) in alphabet.enumerated() { values[Int(character)] = UInt8(value) }
        return values
    }()

    /// The postings `counts` wrote, or nil when the text is not such a list.
    static func decodeCounts(_ text: some Collection<UInt8>) -> [(id: Int32, value: Int)]? {
        var postings: [(id: Int32, value: Int)] = []
        var numbers: [Int] = []
        var number = 0
        var shift = 0
        for character in text {
            let value = Int(values[Int(character)])
            guard value < 64, shift < 35 else { return nil }
            number |= (value & 31) << shift
            if value & 32 != 0 {
                shift += 5
                continue
            }
            numbers.append(number)
            number = 0
            shift = 0
            if numbers.count == 2 {
                let id = (postings.last.map { Int($0.id) } ?? -1) + numbers[0] + 1
                guard id <= Int(Int32.max) else { return nil }
                postings.append((Int32(id), numbers[1]))
                numbers.removeAll(keepingCapacity: true)
            }
        }
        return shift == 0 && numbers.isEmpty ? postings : nil
    }

    static func bitmap(_ ids: [Int32], count: Int) -> [UInt8] {
        var sextets = [UInt8](repeating: 0, count: (count + 5) / 6)
        for id in ids { sextets[Int(id) / 6] |= 1 << UInt8(Int(id) % 6) }
        return sextets.map { alphabet[Int($0)] }
    }
}
