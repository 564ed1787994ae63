// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;

namespace ProcViz {

class Translations;

/// "Language": one exclusive, checkable entry per language ProcViz speaks, each named in its own language
/// (English, 한국어) so that whoever cannot read the current one still finds theirs.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    LanguageMenu(Translations* translations, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void check(const QString& language);

    Translations* m_translations = nullptr;
    QActionGroup* m_group = nullptr;
};

} // namespace ProcViz
