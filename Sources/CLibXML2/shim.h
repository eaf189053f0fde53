// Debian's libxml2 (libxml2-dev): its HTML parser, for saved web pages (GongkaiIntake).
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, whose enums
// clash with the ICU bundled in Swift's Foundation (see CICU/shim.h). Nothing here uses the
// ICU part of the encoding handler, so the ICU include is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
