internal import CICU

/// ICU's dictionary-based word break iterator (`ubrk_open(UBRK_WORD, "zh", …)`). Not
/// thread-safe: each analysis makes its own.
final class WordBreaker {
    private let iterator: OpaquePointer

    init() {
        var status: Int32 = 0
        guard let iterator = gk_word_breaker_open("zh", &status), status <= 0 else {
            fatalError("ICU 无法创建中文分词器（错误码 \(status)）：请检查 libicu 是否完整安装。")
        }
        self.iterator = iterator
    }

    deinit { gk_word_breaker_close(iterator) }

    /// The version of the ICU library segmenting ("72.1").
    static var icuVersion: String { String(cString: gk_icu_version()) }

    /// The word boundaries of `text` (UTF-16 offsets, 0 and the end included).
    func boundaries(_ text: [UInt16]) -> [Int] {
        guard !text.isEmpty else { return [0] }
        return text.withUnsafeBufferPointer { buffer -> [Int] in
            var status: Int32 = 0
            gk_word_breaker_set_text(iterator, buffer.baseAddress, Int32(buffer.count), &status)
            guard status <= 0 else { return [0, text.count] }
            var result: [Int] = [Int(gk_word_breaker_first(iterator))]
            while true {
                let next = gk_word_breaker_next(iterator)
                if next < 0 { break }
                result.append(Int(next))
            }
            // Detach the iterator from the buffer before it goes away.
            var empty: [UInt16] = [0]
            gk_word_breaker_set_text(iterator, &empty, 0, &status)
            return result
        }
    }
}
