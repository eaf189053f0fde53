/// Cuts text into index terms, the same way search.js cuts a query:
/// - the text is normalised (`SearchText.normalize`) and split into CJK runs and runs of
///   letters and digits; everything else separates;
/// - a CJK run gives every bigram of adjacent characters (so a query matches whatever word
///   boundaries either segmenter chose), plus the words of three or more characters that ICU
///   finds in it (an exact-word bonus), plus its one-character words that are not stop
///   characters (so a one-character query can match); a one-character run is a unigram;
/// - a letter-or-digit run is one term (see `SearchText.tokenTerms`).
struct TermExtractor {
    let breaker: WordBreaker

    /// A normalised text and ICU's word boundaries in it, as character (scalar) offsets.
    private struct Segmented {
        let scalars: [Unicode.Scalar]
        let boundaries: [Int]
    }

    /// Normalises `text` and breaks it into words with one ICU call.
    private func segmented(_ text: String) -> Segmented {
        let scalars = text.unicodeScalars.map(SearchText.normalize)
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count)
        // Scalar index at each UTF-16 offset where a scalar starts.
        var scalarAt: [Int32] = []
        scalarAt.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            if scalar.value > 0xFFFF {
                let value = scalar.value - 0x10000
                utf16.append(UInt16(0xD800 + (value >> 10)))
                utf16.append(UInt16(0xDC00 + (value & 0x3FF)))
                scalarAt.append(Int32(index))
                scalarAt.append(Int32(index))
            } else {
                utf16.append(UInt16(scalar.value))
                scalarAt.append(Int32(index))
            }
        }
        scalarAt.append(Int32(scalars.count))
        let boundaries = breaker.boundaries(utf16).map { Int(scalarAt[min($0, scalarAt.count - 1)]) }
        return Segmented(scalars: scalars, boundaries: boundaries)
    }

    /// Counts every term occurrence of `text` in `field`; returns the text's length in
    /// characters and tokens (for BM25's length normalisation).
    func extract(_ text: String, field: TermCounts.Field, into counts: inout TermCounts) -> Int {
        let text = segmented(text)
        let scalars = text.scalars
        var length = 0
        var index = 0
        var cursor = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if SearchText.isCJK(scalar) {
                var end = index + 1
                while end < scalars.count && SearchText.isCJK(scalars[end]) { end += 1 }
                cjkRun(text, index..<end, cursor: &cursor, field: field, into: &counts)
                length += end - index
                index = end
            } else if SearchText.isAlphanumeric(scalar) {
                var end = index + 1
                while end < scalars.count && !SearchText.isCJK(scalars[end]) && SearchText.isAlphanumeric(scalars[end]) { end += 1 }
                for term in SearchText.tokenTerms(String(String.UnicodeScalarView(scalars[index..<end]))) {
                    counts.add(term, to: field)
                }
                length += 1
                index = end
            } else {
                index += 1
            }
        }
        return length
    }

    private func cjkRun(
        _ text: Segmented, _ run: Range<Int>, cursor: inout Int, field: TermCounts.Field,
        into counts: inout TermCounts
    ) {
        let scalars = text.scalars
        if run.count == 1 {
            if !SearchText.stopSet.contains(scalars[run.lowerBound]) { counts.add(scalars[run.lowerBound], to: field) }
            return
        }
        for index in run.dropLast() {
            counts.add(first: scalars[index], second: scalars[index + 1], to: field)
        }
        forEachWord(text, run, cursor: &cursor) { word in
            if word.count == 1 {
                if !SearchText.stopSet.contains(scalars[word.lowerBound]) { counts.add(scalars[word.lowerBound], to: field) }
            } else if word.count > 2 {
                counts.add(String(String.UnicodeScalarView(scalars[word])), to: field)
            }
        }
    }

    /// Calls `body` with each word of a CJK run: the run cut at ICU's boundaries inside it.
    /// `cursor` walks the boundaries forward as runs come in order.
    private func forEachWord(_ text: Segmented, _ run: Range<Int>, cursor: inout Int, _ body: (Range<Int>) -> Void) {
        let boundaries = text.boundaries
        while cursor < boundaries.count && boundaries[cursor] <= run.lowerBound { cursor += 1 }
        var start = run.lowerBound
        while cursor < boundaries.count && boundaries[cursor] < run.upperBound {
            if boundaries[cursor] > start {
                body(start..<boundaries[cursor])
                start = boundaries[cursor]
            }
            cursor += 1
        }
        body(start..<run.upperBound)
    }

    /// The words of a text as ICU segments its CJK runs, and its letter-or-digit terms: what
    /// tests and `gongkai` diagnostics show as "the segmentation".
    func segment(_ text: String) -> [String] {
        let text = segmented(text)
        let scalars = text.scalars
        var result: [String] = []
        var index = 0
        var cursor = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var end = index + 1
            if SearchText.isCJK(scalar) {
                while end < scalars.count && SearchText.isCJK(scalars[end]) { end += 1 }
                forEachWord(text, index..<end, cursor: &cursor) { result.append(String(String.UnicodeScalarView(scalars[$0]))) }
            } else if SearchText.isAlphanumeric(scalar) {
                while end < scalars.count && !SearchText.isCJK(scalars[end]) && SearchText.isAlphanumeric(scalars[end]) { end += 1 }
                result += SearchText.tokenTerms(String(String.UnicodeScalarView(scalars[index..<end])))
            }
            index = end
        }
        return result
    }
}
