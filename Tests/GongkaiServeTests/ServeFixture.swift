import GongkaiModel

/// The day the preview tests build the demo portal on.
let serveDay = CalendarDate(year: 2024, month: 6, day: 1)!
