import CQRencode
import GongkaiTemplates

/// A QR code made at build time with libqrencode and drawn as inline SVG, so that a phone can
/// open the page: no image file, no script, no remote service.
public struct QRCode: Sendable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major dark modules.
    public let modules: [Bool]

    /// Encodes `text` with error correction level M; nil if the text is too long for a QR code.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The code as SVG with a 4-module quiet zone; each row's dark runs are one path segment.
    /// `label` becomes the SVG's accessible name.
    public func svg(label: String, pixelsPerModule: Int = 4) -> String {
        let quiet = 4
        let side = size + quiet * 2
        // Built as bytes: string interpolation per run was a third of the QR code's cost.
        var path: [UInt8] = []
        path.reserveCapacity(size * size)
        // No closure over `path`: a captured variable is boxed and checked on every access.
        for y in 0..<size {
            var x = 0
            let row = y * size
            while x < size {
                guard modules[row + x] else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < size, modules[row + x + run] { run += 1 }
                path.append(UInt8(ascii: "M"))
                Self.append(x + quiet, to: &path)
                path.append(UInt8(ascii: " "))
                Self.append(y + quiet, to: &path)
                path.append(UInt8(ascii: "h"))
                Self.append(run, to: &path)
                for byte in "v1h-".utf8 { path.append(byte) }
                Self.append(run, to: &path)
                path.append(UInt8(ascii: "z"))
                x += run
            }
        }
        let pixels = side * pixelsPerModule
        let escaped = HTMLEscaping.escape(label)
        return
            "<svg class=\"gk-qr__code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(pixels)\" height=\"\(pixels)\" role=\"img\" aria-label=\"\(escaped)\" shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(String(decoding: path, as: UTF8.self))\"/></svg>"
    }

    /// A number below 1000 in decimal digits.
    private static func append(_ number: Int, to path: inout [UInt8]) {
        if number >= 100 { path.append(UInt8(48 + number / 100)) }
        if number >= 10 { path.append(UInt8(48 + number / 10 % 10)) }
        path.append(UInt8(48 + number % 10))
    }
}
