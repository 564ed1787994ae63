// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace ProcViz {

/// The lesson text of the current scenario, from resources/lessons/<id>.<language>.html (compiled in):
/// what the tutorial teaches, a Python snippet, what ProcViz does under the hood, what to look for, and
/// what to try next. Falls back to English when a translation is missing.
class LessonPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    void setScenario(const QString& id);
    /// "en" or "ko".
    void setLanguage(const QString& language);
    QString language() const { return m_language; }

    /// The language the system locale asks for, among those the lessons exist in.
    static QString defaultLanguage();
    static bool hasLesson(const QString& id, const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();

    QString m_scenario;
    QString m_language;
};

} // namespace ProcViz
