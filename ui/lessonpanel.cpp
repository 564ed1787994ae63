// SPDX-License-Identifier: GPL-3.0-or-later
#include "lessonpanel.h"

#include "i18n/translations.h"

#include <QEvent>
#include <QFile>
#include <QRegularExpression>

namespace ProcViz {

namespace {
QString lessonPath(const QString& id, const QString& language)
{
    return QStringLiteral(":/lessons/%1.%2.html").arg(id, language);
}

/// Every `<pre data-python="ID"></pre>` of @p html filled with the program ID, escaped: one source for
/// the page and the runtime.
QString withPrograms(const QString& html)
{
    static const QRegularExpression placeholder(QStringLiteral(R"re(<pre data-python="([a-z0-9_-]+)"></pre>)re"));
    QString filled;
    qsizetype from = 0;
    for (const auto& match : placeholder.globalMatch(html)) {
        const QString program = LessonPanel::pythonProgram(match.captured(1));
        filled += QStringView(html).sliced(from, match.capturedStart() - from);
        filled += QLatin1String("<pre>")
            + (program.isEmpty() ? QStringLiteral("(%1_lesson.py is missing)").arg(match.captured(1))
                                 : program.toHtmlEscaped())
            + QLatin1String("</pre>");
        from = match.capturedEnd();
    }
    return filled + QStringView(html).sliced(from);
}
} // namespace

LessonPanel::LessonPanel(QWidget* parent)
    : QTextBrowser(parent)
    , m_language(defaultLanguage())
{
    setObjectName(QStringLiteral("lesson"));
    setOpenExternalLinks(true);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    setFont(larger);
}

QString LessonPanel::defaultLanguage()
{
    return Translations::systemLanguage();
}

bool LessonPanel::hasLesson(const QString& id, const QString& language)
{
    return QFile::exists(lessonPath(id, language));
}

QString LessonPanel::pythonProgram(const QString& id)
{
    QFile file(QStringLiteral(":/python/%1_lesson.py").arg(id));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    // A last newline would show as an empty line at the bottom of the block.
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

void LessonPanel::setScenario(const QString& id)
{
    m_scenario = id;
    reload();
}

void LessonPanel::setLanguage(const QString& language)
{
    m_language = language;
    reload();
}

void LessonPanel::reload()
{
    QFile file(lessonPath(m_scenario, m_language));
    if (!file.exists())
        file.setFileName(lessonPath(m_scenario, QStringLiteral("en")));
    if (!file.open(QIODevice::ReadOnly)) {
        setHtml(tr("<p>No lesson text for this scenario yet.</p>"));
        return;
    }
    QString html = withPrograms(QString::fromUtf8(file.readAll()));
    // The lessons colour their code blocks for a light page; on a dark one the block takes the palette's
    // colours instead: a rule of the same weight after the lesson's own wins.
    const QPalette colours = palette();
    const qsizetype styleEnd = html.indexOf(QLatin1String("</style>"));
    if (colours.color(QPalette::Base).lightness() < colours.color(QPalette::Text).lightness() && styleEnd >= 0) {
        html.insert(styleEnd,
            QStringLiteral(" pre{background:%1;color:%2}")
                .arg(colours.color(QPalette::AlternateBase).name(), colours.color(QPalette::Text).name()));
    }
    setHtml(html);
}

void LessonPanel::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    // Dark code blocks follow the palette; the lesson's own language comes with setLanguage(), and only the
    // fallback text is a translation.
    if (m_scenario.isEmpty())
        return;
    const bool fallbackShown = !hasLesson(m_scenario, m_language) && !hasLesson(m_scenario, QStringLiteral("en"));
    if (event->type() == QEvent::PaletteChange || (event->type() == QEvent::LanguageChange && fallbackShown))
        reload();
}

} // namespace ProcViz
