// export/xml.h: text made safe for XML 1.0, for the GraphML and GEXF writers.
//
// Any input gives well-formed output: markup characters are escaped, and
// characters XML 1.0 forbids (C0 controls other than tab, LF and CR;
// U+FFFE and U+FFFF; surrogates; anything that is not valid UTF-8) become
// U+FFFD. Pure functions; thread-safe.
#ifndef DIPLOGRAPH_EXPORT_XML_H_
#define DIPLOGRAPH_EXPORT_XML_H_

#include <string>
#include <string_view>

namespace diplograph {

enum class XmlContext {
  kText,       // element content: & < > " ' escaped, CR as &#13;
  kAttribute,  // attribute value: also tab, LF, CR as character references,
               // so that attribute-value normalisation keeps them
};

// Appends `text`, escaped for `context`, to `out`.
void AppendXmlEscaped(std::string_view text, XmlContext context, std::string* out);
std::string XmlEscaped(std::string_view text, XmlContext context = XmlContext::kText);

// `text` as one line for xs:token values (GEXF labels): runs of whitespace
// become one space, none at either end. No escaping.
std::string CollapseWhitespace(std::string_view text);

// An XML name token (xs:NMTOKEN, the type of GraphML ids) naming `id`
// one-to-one: ASCII letters, digits, '-' and '_' are kept, every other byte
// is written as '.' and two upper-case hex digits ("u.s." -> "u.2Es.2E").
// Never contains ':', so ids can be joined with ':'. "" gives "".
std::string XmlNameToken(std::string_view id);
// Likewise, appended to `out`.
void AppendXmlNameToken(std::string_view id, std::string* out);

}  // namespace diplograph

#endif  // DIPLOGRAPH_EXPORT_XML_H_
