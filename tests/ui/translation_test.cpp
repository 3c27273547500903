// The Simplified Chinese translation is complete and keeps every
// placeholder: a missing %2 would silently drop a number from a message.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

QSet<QString> placeholders(const QString& text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%L?\\d+|%n"));
    for (auto it = re.globalMatch(text); it.hasNext();) out.insert(it.next().captured().remove(QLatin1Char('L')));
    return out;
}

} // namespace

TEST(Translation, ChineseIsCompleteWithTheSamePlaceholders)
{
    QFile f(QStringLiteral(CWB_SOURCE_DIR "/resources/translations/campaign-workbench_zh_CN.ts"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
    QXmlStreamReader xml(&f);
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            QString translation;
            // Plural forms hold <numerusform> children.
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) translation += xml.text();
            }
            ++messages;
            EXPECT_FALSE(unfinished) << "untranslated: " << source.toStdString();
            EXPECT_FALSE(translation.trimmed().isEmpty()) << "empty translation: " << source.toStdString();
            EXPECT_EQ(placeholders(source), placeholders(translation)) << source.toStdString() << " -> " << translation.toStdString();
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 300);
}
