internal import CICU
import Synchronization

/// ICU's dictionary-based word break iterator (`ubrk_open(UBRK_WORD, "zh", …)`). Not
/// thread-safe: one thread at a time uses it, borrowed through `WordBreaker.borrow`.
final class WordBreaker: @unchecked Sendable {
    private let iterator: OpaquePointer

    init() {
        var status: Int32 = 0
        guard let iterator = gk_word_breaker_open("zh", &status), status <= 0 else {
            fatalError("ICU 无法创建中文分词器（错误码 \(status)）：请检查 libicu 是否完整安装。")
        }
        self.iterator = iterator
    }

    deinit { gk_word_breaker_close(iterator) }

    /// Breakers not in use. Opening one looks up and instantiates ICU's rules and dictionary
    /// (a lock and a few hundred microseconds), more than segmenting a short document takes,
    /// so analyses borrow one from here instead; there are at most as many as threads.
    private static let idle = Mutex<[WordBreaker]>([])

    /// Runs `body` with a breaker no other thread is using.
    static func borrow<Result>(_ body: (WordBreaker) -> Result) -> Result {
        let breaker = idle.withLock { $0.popLast() } ?? WordBreaker()
        defer { idle.withLock { $0.append(breaker) } }
        return body(breaker)
    }

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
