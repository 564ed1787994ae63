// SPDX-License-Identifier: GPL-3.0-or-later
#include "themeswitcher.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <memory>

namespace ProcViz {

namespace {
// Fusion draws every control from the palette alone, so a dark palette gives a consistent dark window
// whatever the platform style would have done with it.
const QString ThemedStyle = QStringLiteral("Fusion");

void setBoth(QPalette& palette, QPalette::ColorRole role, const QColor& active, const QColor& disabled)
{
    palette.setColor(QPalette::Active, role, active);
    palette.setColor(QPalette::Inactive, role, active);
    palette.setColor(QPalette::Disabled, role, disabled);
}
} // namespace

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromName(const QString& name)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (themeName(theme) == name)
            return theme;
    }
    return std::nullopt;
}

ThemeSwitcher::ThemeSwitcher(QWidget* window)
    : QObject(window)
    , m_systemStyle(QApplication::style()->name())
    , m_group(new QActionGroup(this))
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String("theme-") + themeName(theme));
        action->setCheckable(true);
        action->setData(int(theme));
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    actionFor(m_theme)->setChecked(true);
    // A System palette in high contrast is derived from the platform's: redo it when the platform changes
    // (Qt tells every window).
    window->installEventFilter(this);
    retranslate();
}

void ThemeSwitcher::retranslate()
{
    actionFor(Theme::System)->setText(tr("&System"));
    actionFor(Theme::Light)->setText(tr("&Light"));
    actionFor(Theme::Dark)->setText(tr("&Dark"));
}

QList<QAction*> ThemeSwitcher::actions() const
{
    return m_group->actions();
}

QAction* ThemeSwitcher::actionFor(Theme theme) const
{
    for (auto* action : m_group->actions()) {
        if (action->data().toInt() == int(theme))
            return action;
    }
    Q_UNREACHABLE();
}

void ThemeSwitcher::setTheme(Theme theme)
{
    actionFor(theme)->setChecked(true);
    if (theme == m_theme)
        return;
    m_theme = theme;
    apply();
    Q_EMIT themeChanged(theme);
}

void ThemeSwitcher::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    apply();
}

void ThemeSwitcher::apply()
{
    m_applying = true;
    const QString style = m_theme == Theme::System ? m_systemStyle : ThemedStyle;
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(style));
    QPalette palette;
    switch (m_theme) {
    case Theme::System:
        // An empty palette hands every role back to the platform, which keeps it current from then on.
        QApplication::setPalette(QPalette());
        palette = QApplication::palette();
        break;
    case Theme::Light:
        palette = lightPalette();
        break;
    case Theme::Dark:
        palette = darkPalette();
        break;
    }
    if (m_highContrast)
        palette = highContrastPalette(palette);
    if (m_theme != Theme::System || m_highContrast)
        QApplication::setPalette(palette);
    m_applying = false;
}

bool ThemeSwitcher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ThemeChange && watched == parent() && !m_applying && m_theme == Theme::System
        && m_highContrast)
        apply();
    return QObject::eventFilter(watched, event);
}

QPalette ThemeSwitcher::lightPalette()
{
    const std::unique_ptr<QStyle> style(QStyleFactory::create(ThemedStyle));
    return style->standardPalette();
}

QPalette ThemeSwitcher::darkPalette()
{
    // Dark greys rather than black, light grey text rather than white: easy on the eyes on a laptop. The
    // accents are lighter than the light theme's so links and selections keep their contrast.
    QPalette palette;
    const QColor disabledText(0x80, 0x80, 0x80);
    setBoth(palette, QPalette::Window, QColor(0x20, 0x22, 0x25), QColor(0x20, 0x22, 0x25));
    setBoth(palette, QPalette::WindowText, QColor(0xE8, 0xE8, 0xE8), disabledText);
    setBoth(palette, QPalette::Base, QColor(0x16, 0x17, 0x19), QColor(0x20, 0x22, 0x25));
    setBoth(palette, QPalette::AlternateBase, QColor(0x2A, 0x2C, 0x30), QColor(0x2A, 0x2C, 0x30));
    setBoth(palette, QPalette::Text, QColor(0xE8, 0xE8, 0xE8), disabledText);
    setBoth(palette, QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0x9A), disabledText);
    setBoth(palette, QPalette::Button, QColor(0x30, 0x33, 0x37), QColor(0x28, 0x2A, 0x2E));
    setBoth(palette, QPalette::ButtonText, QColor(0xE8, 0xE8, 0xE8), disabledText);
    setBoth(palette, QPalette::BrightText, QColor(0xFF, 0x80, 0x60), QColor(0xFF, 0x80, 0x60));
    setBoth(palette, QPalette::Light, QColor(0x4A, 0x4D, 0x52), QColor(0x4A, 0x4D, 0x52));
    setBoth(palette, QPalette::Midlight, QColor(0x3A, 0x3D, 0x42), QColor(0x3A, 0x3D, 0x42));
    setBoth(palette, QPalette::Mid, QColor(0x6A, 0x6E, 0x75), QColor(0x50, 0x53, 0x58));
    setBoth(palette, QPalette::Dark, QColor(0x14, 0x15, 0x17), QColor(0x14, 0x15, 0x17));
    setBoth(palette, QPalette::Shadow, QColor(0x00, 0x00, 0x00), QColor(0x00, 0x00, 0x00));
    setBoth(palette, QPalette::Highlight, QColor(0x3A, 0x8E, 0xE6), QColor(0x50, 0x53, 0x58));
    setBoth(palette, QPalette::HighlightedText, QColor(0xFF, 0xFF, 0xFF), disabledText);
    setBoth(palette, QPalette::Link, QColor(0x6C, 0xB4, 0xFF), QColor(0x6C, 0xB4, 0xFF));
    setBoth(palette, QPalette::LinkVisited, QColor(0xC0, 0x9C, 0xF0), QColor(0xC0, 0x9C, 0xF0));
    setBoth(palette, QPalette::ToolTipBase, QColor(0x30, 0x33, 0x37), QColor(0x30, 0x33, 0x37));
    setBoth(palette, QPalette::ToolTipText, QColor(0xE8, 0xE8, 0xE8), QColor(0xE8, 0xE8, 0xE8));
    return palette;
}

QPalette ThemeSwitcher::highContrastPalette(const QPalette& base)
{
    // A projector washes out mid tones first: text and lines go to the extremes, the grid to a tone that
    // still shows, and the accents to the strongest colours of the palette's own hue.
    const bool dark = isDark(base);
    const QColor background = dark ? QColor(Qt::black) : QColor(Qt::white);
    const QColor foreground = dark ? QColor(Qt::white) : QColor(Qt::black);
    const QColor disabled = dark ? QColor(0xA0, 0xA0, 0xA0) : QColor(0x60, 0x60, 0x60);
    QPalette palette = base;
    for (auto role : {QPalette::Window, QPalette::Base})
        setBoth(palette, role, background, background);
    // Still set apart from the page: alternate rows, the lessons' code blocks.
    const QColor alternate = dark ? QColor(0x1C, 0x1C, 0x1C) : QColor(0xF0, 0xF0, 0xF0);
    setBoth(palette, QPalette::AlternateBase, alternate, alternate);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        setBoth(palette, role, foreground, disabled);
    setBoth(palette, QPalette::Button, dark ? QColor(0x26, 0x26, 0x26) : QColor(0xF0, 0xF0, 0xF0),
        dark ? QColor(0x1A, 0x1A, 0x1A) : QColor(0xF6, 0xF6, 0xF6));
    setBoth(palette, QPalette::Mid, dark ? QColor(0xB0, 0xB0, 0xB0) : QColor(0x50, 0x50, 0x50), disabled);
    setBoth(palette, QPalette::PlaceholderText, disabled, disabled);
    setBoth(palette, QPalette::Highlight, dark ? QColor(0x40, 0xA0, 0xFF) : QColor(0x00, 0x48, 0xB0), disabled);
    setBoth(palette, QPalette::HighlightedText, dark ? QColor(Qt::black) : QColor(Qt::white), foreground);
    setBoth(palette, QPalette::Link, dark ? QColor(0x80, 0xC8, 0xFF) : QColor(0x00, 0x40, 0xA0),
        dark ? QColor(0x80, 0xC8, 0xFF) : QColor(0x00, 0x40, 0xA0));
    setBoth(palette, QPalette::ToolTipBase, background, background);
    return palette;
}

bool ThemeSwitcher::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace ProcViz
