package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seeds;
import org.junit.jupiter.api.Test;

class CloudNormalizationTest {

    private static final String BODY = "<p>x</p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body>"
            + "<![CDATA[ls]]></ac:plain-text-body></ac:structured-macro>";

    private static String createAndRead(boolean normalize) {
        try (ConfluenceSimulator simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start()) {
            simulator.normalizeStorage(normalize);
            SimulatorHttp http = new SimulatorHttp(simulator);
            String spaceId = SimulatorHttp.json(http.get("/wiki/api/v2/spaces?keys=DEMO")).at("/results/0/id").asText();
            JsonNode created = SimulatorHttp.json(http.post("/wiki/api/v2/pages", "{\"spaceId\":\"" + spaceId
                    + "\",\"title\":\"N\",\"body\":{\"representation\":\"storage\",\"value\":\""
                    + BODY.replace("\"", "\\\"") + "\"}}"));
            return SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + created.get("id").asText()
                    + "?body-format=storage")).at("/body/storage/value").asText();
        }
    }

    @Test
    void macrosGetCloudsIdsOnSaveOnlyWhenSwitchedOn() {
        String normalized = createAndRead(true);
        String asSent = createAndRead(false);

        assertThat(normalized).containsPattern("<ac:structured-macro ac:macro-id=\"[0-9a-f-]{36}\" ac:local-id=\"[0-9a-f-]{36}\" ac:name=\"code\">");
        assertThat(asSent).isEqualTo(BODY);
    }
}
