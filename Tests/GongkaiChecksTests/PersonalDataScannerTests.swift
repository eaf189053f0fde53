import GongkaiChecks
import Testing

/// The reader's-eye view of personal data: every way of writing a number that a reader still
/// sees as the number is found, at its line; ordinary numbers are left alone.
@Suite struct PersonalDataScannerTests {
    static func numbers(_ text: String, _ format: PersonalDataScanner.Format) -> [String] {
        PersonalDataScanner.scan(text, format: format).map(\.number)
    }

    @Test(arguments: [
        ("<p>&#49;3812345678</p>", PersonalDataScanner.Format.markup),
        ("<p>&#x31;&#x33;812345678</p>", .markup),
        ("<p>１３８１２３４５６７８</p>", .markup),
        ("<p>138-1234-5678</p>", .markup),
        ("<p>138 1234 5678</p>", .markup),
        ("<p>138&nbsp;1234&nbsp;5678</p>", .markup),
        ("<p>138—1234—5678</p>", .markup),
        ("<p><strong>138</strong>1234<em>5678</em></p>", .markup),
        ("<p>138<!-- x -->12345678</p>", .markup),
        ("<p>138\u{200B}1234\u{2060}5678\u{FEFF}</p>", .markup),
        ("<a href=\"/zcwj/13812345678.html\">甲</a>", .markup),
        ("<a href=\"/zcwj/%31%33812345678.html\">甲</a>", .markup),
        ("<meta content=\"13812345678\">", .markup),
        ("<img alt=\"联系１３８１２３４５６７８\" src=\"a.png\">", .markup),
        ("<p>138<SPAN>1234</SPAN>5678<B></B></p>", .markup),
        ("{\"t\":\"\\u0031\\u00338123\\u00345678\"}", .json),
        ("联系 **138**1234**5678**", .source),
        ("联系 &#49;3812345678", .source),
        ("联系 138<!-- 注 -->12345678", .source),
        ("<w:r><w:t>138</w:t></w:r><w:r><w:t>12345678</w:t></w:r>", .officeXML),
        ("张三,13812345678\n", .text),
    ])
    func findsAMobileNumberHoweverItIsWritten(_ text: String, _ format: PersonalDataScanner.Format) {
        #expect(Self.numbers(text, format) == ["13812345678"], "\(text)")
    }

    /// Digits no ASCII digit spells (Sinhala Lith digits, `&#xDE7;` is 1 and `&#xDEF;` 9), in
    /// the text and in an attribute: the attribute is not passed over for want of ASCII digits.
    @Test func findsDigitsOfAnotherScriptWrittenAsReferences() {
        let number = "&#xDE7;" + String(repeating: "&#xDEF;", count: 10)
        #expect(Self.numbers("<p>\(number)</p>", .markup) == ["19999999999"])
        #expect(Self.numbers("<a title=\"\(number)\" href=\"a.html\">甲</a>", .markup) == ["19999999999"])
        #expect(Self.numbers("<a title=\"\u{0DE7}\(String(repeating: "\u{0DEF}", count: 10))\">甲</a>", .markup) == ["19999999999"])
    }

    @Test func findsIDNumbersAndBankCardsInGroups() {
        #expect(Self.numbers("<p>110105 19491231 002X</p>", .markup) == ["11010519491231002X"])
        #expect(Self.numbers("<p>１１０１０５１９４９１２３１００２ｘ</p>", .markup) == ["11010519491231002X"])
        #expect(Self.numbers("<p>6222 0202 1234 5678 909</p>", .markup) == ["6222020212345678909"])
        #expect(Self.numbers("<p>6222 0202 1234 5678 900</p>", .markup).isEmpty, "fails the Luhn check")
    }

    @Test(arguments: [
        "<p>138****5678</p>", "<p>电话 0731-88888888</p>", "<p>2023-06-01 14:07</p>", "<td>13</td><td>812345678</td>",
        "<p>编号 abc13812345678</p>", "<p>12345678901</p>", "<p>2019 2020 2021 2022</p>", "<p>索引号 430000000/2023-00001</p>",
        "<p>湘ICP备00000000号 湘公网安备43010202000123号</p>", "<p>138<DIV>12345678</DIV></p>", "<p>138<strikeouts>12345678</strikeouts></p>",
        "<a href=\"/2024/05/138.html\" title=\"第12345678号\">甲</a>",
    ])
    func leavesOtherNumbersAlone(_ text: String) {
        #expect(Self.numbers(text, .markup).isEmpty, "\(text)")
    }

    @Test func reportsTheLineInTheSource() {
        let hits = PersonalDataScanner.scan("---\n标题: 甲\n---\n第一段\n\n电话 138-1234-5678\n", format: .source)
        #expect(hits.map(\.line) == [6])
        #expect(hits.first?.kind == .mobile)
        let tagged = PersonalDataScanner.scan("<p>\n<a\nhref=\"/13812345678.html\">x</a></p>", format: .markup)
        #expect(tagged.map(\.line) == [2])
    }
}
