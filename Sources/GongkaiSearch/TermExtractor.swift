/// Cuts text into index terms, the same way search.js cuts a query:
/// - the text is normalised (`SearchText.normalize`) and split into CJK runs and runs of
///   letters and digits; everything else separates;
/// - a CJK run gives every bigram of adjacent characters (so a query matches whatever word
///   boundaries either segmenter chose), plus the words of three or more characters that ICU
///   finds in it (an exact-word bonus), plus its one-character words that are not stop
///   characters (so a one-character query can match); a one-character run is a unigram;
/// - a letter-or-digit run is one term (see `SearchText.tokenTerms`).
struct TermExtractor {
    private let breaker = WordBreaker()

    /// Counts every term occurrence of `text` in `field`; returns the text's length in
    /// characters and tokens (for BM25's length normalisation).
    func extract(_ text: String, field: TermCounts.Field, into counts: inout TermCounts) -> Int {
        let scalars = text.unicodeScalars.map(SearchText.normalize)
        var length = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if SearchText.isCJK(scalar) {
                var end = index + 1
                while end < scalars.count && SearchText.isCJK(scalars[end]) { end += 1 }
                cjkRun(scalars[index..<end], field: field, into: &counts)
                length += end - index
                index = end
            } else if SearchText.isAlphanumeric(scalar) {
                var end = index + 1
                while end < scalars.count && !SearchText.isCJK(scalars[end]) && SearchText.isAlphanumeric(scalars[end]) { end += 1 }
                var token = String.UnicodeScalarView()
                token.append(contentsOf: scalars[index..<end])
                for term in SearchText.tokenTerms(String(token)) { counts.add(term, to: field) }
                length += 1
                index = end
            } else {
                index += 1
            }
        }
        return length
    }

    private func cjkRun(_ run: ArraySlice<Unicode.Scalar>, field: TermCounts.Field, into counts: inout TermCounts) {
        if run.count == 1 {
            if !SearchText.stopSet.contains(run.first!) { counts.add(String(Character(run.first!)), to: field) }
            return
        }
        var previous = run.startIndex
        for index in run.indices.dropFirst() {
            counts.add(first: run[previous], second: run[index], to: field)
            previous = index
        }
        for word in words(run) where word.count != 2 {
            if word.count == 1 {
                if !SearchText.stopSet.contains(word.first!) { counts.add(String(Character(word.first!)), to: field) }
            } else {
                counts.add(String(String.UnicodeScalarView(word)), to: field)
            }
        }
    }

    /// ICU's words of a CJK run.
    func words(_ run: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var utf16: [UInt16] = []
        utf16.reserveCapacity(run.count)
        // UTF-16 offset at which each scalar of the run starts.
        var offsets: [Int] = []
        offsets.reserveCapacity(run.count + 1)
        for scalar in run {
            offsets.append(utf16.count)
            utf16.append(contentsOf: UTF16.encode(scalar)!)
        }
        offsets.append(utf16.count)
        let boundaries = breaker.boundaries(utf16)
        var result: [ArraySlice<Unicode.Scalar>] = []
        var scalarIndex = 0
        var start = run.startIndex
        for boundary in boundaries where boundary > 0 {
            while scalarIndex < run.count && offsets[scalarIndex] < boundary { scalarIndex += 1 }
            let end = run.startIndex + scalarIndex
            if end > start {
                result.append(run[start..<end])
                start = end
            }
        }
        if start < run.endIndex { result.append(run[start...]) }
        return result
    }

    /// The words of a text as ICU segments its CJK runs, and its letter-or-digit terms: what
    /// tests and `gongkai` diagnostics show as "the segmentation".
    func segment(_ text: String) -> [String] {
        let scalars = text.unicodeScalars.map(SearchText.normalize)
        var result: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var end = index + 1
            if SearchText.isCJK(scalar) {
                while end < scalars.count && SearchText.isCJK(scalars[end]) { end += 1 }
                result += words(scalars[index..<end]).map { String(String.UnicodeScalarView($0)) }
            } else if SearchText.isAlphanumeric(scalar) {
                while end < scalars.count && !SearchText.isCJK(scalars[end]) && SearchText.isAlphanumeric(scalars[end]) { end += 1 }
                result += SearchText.tokenTerms(String(String.UnicodeScalarView(scalars[index..<end])))
            }
            index = end
        }
        return result
    }
}
