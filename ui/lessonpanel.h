// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace ProcViz {

/// The lesson text of the current scenario, from resources/lessons/<id>.<language>.html (compiled in):
/// what the tutorial teaches, its Python program, what ProcViz does under the hood, what to look for, and
/// what to try next. Falls back to English when a translation is missing. The program is not written into
/// the page: a placeholder `<pre data-python="<id>"></pre>` is filled with the text of
/// resources/python/<id>_lesson.py (compiled in too), the very file the Python runtime runs.
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
    /// The scenario's Python program, as compiled in from resources/python/<id>_lesson.py; empty when
    /// there is none. (Named <id>_lesson.py, not <id>.py: a queue.py beside them would hide Python's own
    /// queue module from every program in the folder.)
    static QString pythonProgram(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();

    QString m_scenario;
    QString m_language;
};

} // namespace ProcViz
