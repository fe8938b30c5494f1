package com.voxanne.ops.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two AtlantaFX themes the console offers; set once as the user-agent stylesheet. */
public enum Themes {
    LIGHT,
    DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Themes other() {
        return this == DARK ? LIGHT : DARK;
    }

    public static Themes parse(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
