// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPalette>

#include <optional>

class QAction;
class QActionGroup;
class QWidget;

namespace ProcViz {

enum class Theme
{
    System,
    Light,
    Dark
};

/// "system", "light", "dark": the spelling in the settings file.
QString themeName(Theme theme);
std::optional<Theme> themeFromName(const QString& name);

/// The application's colours: the platform's own (System), or a light or dark palette over the Fusion style,
/// each optionally in high contrast for a washed-out projector. Applies them application-wide; the charts
/// recolour themselves on the palette change that follows.
class ThemeSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit ThemeSwitcher(QWidget* window);

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    bool highContrast() const { return m_highContrast; }
    /// Near-black on white (or white on black in Dark), a darker grid: what survives a projector.
    void setHighContrast(bool on);

    /// One checkable action per theme, for View ▸ Theme.
    QList<QAction*> actions() const;
    void retranslate();

    static QPalette lightPalette();
    static QPalette darkPalette();
    /// @p palette pushed to its extremes: black and white text and backgrounds, a dark grid, strong accents.
    static QPalette highContrastPalette(const QPalette& palette);
    static bool isDark(const QPalette& palette);

Q_SIGNALS:
    void themeChanged(ProcViz::Theme theme);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    QAction* actionFor(Theme theme) const;

    Theme m_theme = Theme::System;
    bool m_highContrast = false;
    QString m_systemStyle; ///< the style the platform chose, restored by System
    QActionGroup* m_group = nullptr;
    bool m_applying = false;
};

} // namespace ProcViz
