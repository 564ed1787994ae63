// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace ProcViz {

class PresentationMode;
class ThemeSwitcher;

/// View: presentation mode, the theme, and the presenter's keys listed so a teacher can find them.
/// Re-sets every text (its own and its actions') when the language changes.
class ViewMenu : public QMenu
{
    Q_OBJECT
public:
    ViewMenu(PresentationMode* presentation, ThemeSwitcher* themes, QWidget* parent);

    void retranslate();

protected:
    void changeEvent(QEvent* event) override;

private:
    PresentationMode* m_presentation;
    ThemeSwitcher* m_themes;
    QMenu* m_themeMenu;
};

} // namespace ProcViz
