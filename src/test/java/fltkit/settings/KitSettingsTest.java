package fltkit.settings;

import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitSettingsTest {

    @Test
    void anUnknownProfileNamesTheSettingAndTheKnownProfiles() {
        KitSettings.with(Map.of(KitSettings.PROFILE, "win2000"), () ->
                assertThatThrownBy(KitSettings::profile)
                        .isInstanceOf(KitConfigurationException.class)
                        .hasMessageContaining("-Dfltkit.profile=win2000")
                        .hasMessageContaining("vista, win7, win8, win10, win11"));
    }

    @Test
    void overridesApplyOnlyInsideTheirRunAndBlankMeansUnset() {
        AtomicReference<WindowsVersion> inside = new AtomicReference<>();
        KitSettings.with(Map.of(KitSettings.PROFILE, " Win7 "), () -> inside.set(KitSettings.profile()));
        assertThat(inside.get()).isEqualTo(WindowsVersion.WIN7);
        KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, "  "), () ->
                assertThat(KitSettings.get(KitSettings.IMPLEMENTATION)).isEmpty());
        KitSettings.with(Map.of("fltkit.example", "outer"), () -> {
            KitSettings.with(Map.of(KitSettings.PROFILE, "win8"), () ->
                    assertThat(KitSettings.get("fltkit.example")).contains("outer"));
            assertThat(KitSettings.get(KitSettings.PROFILE)).isEqualTo(java.util.Optional.ofNullable(System.getProperty(KitSettings.PROFILE)).map(String::trim));
        });
        assertThat(KitSettings.get("fltkit.example")).isEmpty();
    }
}
