package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The HTML page is well-formed XML, self-contained, and its charts carry the report's figures. */
class HtmlReportTest {
  static Report report;
  static String html;
  static Document page;

  @BeforeAll
  static void render() throws Exception {
    report = DemoCommand.report(11, 600, 18, TestSupport.options(), Optional.empty(), new Progress(System.err, false));
    StringWriter out = new StringWriter();
    HtmlReport.write(report, out);
    html = out.toString();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    page = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  @Test
  void isSelfContained() {
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("https:")
        .contains("<style>");
    // The only URIs are the XML namespaces.
    assertThat(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http:");
  }

  @Test
  void theStageFlowBandsCarryEveryCustomer() {
    Element flow = byId("stage-flow");
    long total = 0;
    for (Element band : elements(flow, "path")) {
      total += Long.parseLong(band.getAttribute("data-customers"));
    }
    assertThat(total).isEqualTo(600);
    long[][] f = report.flow();
    for (Element band : elements(flow, "path")) {
      String from = band.getAttribute("data-from");
      String to = band.getAttribute("data-to");
      int i = from.equals(Report.NEW) ? 0 : indexOf(from) + 1;
      assertThat(Long.parseLong(band.getAttribute("data-customers"))).isEqualTo(f[i][indexOf(to)]);
    }
  }

  @Test
  void theStageBarsShowTheStageCounts() {
    List<Element> bars = elements(byId("stage-distribution"), "rect");
    assertThat(bars).hasSize(report.stages().size());
    for (int i = 0; i < bars.size(); i++) {
      assertThat(bars.get(i).getAttribute("data-stage")).isEqualTo(report.stages().get(i).id());
      assertThat(Long.parseLong(bars.get(i).getAttribute("data-customers"))).isEqualTo(report.stages().get(i).customers());
    }
  }

  @Test
  void theHeatMapHasTheFourLoyaltyCreditCells() {
    List<Element> cells = elements(byId("heat-map-loyalty-credit"), "rect");
    assertThat(cells).extracting(e -> e.getAttribute("data-segment")).containsExactly("star", "gold", "junk", "risk");
    Report.SegmentTable table = report.segments().data().get(1);
    for (Element cell : cells) {
      Report.Segment s = table.segments().stream().filter(x -> x.id().equals(cell.getAttribute("data-segment"))).findFirst().orElseThrow();
      assertThat(Long.parseLong(cell.getAttribute("data-customers"))).isEqualTo(s.customers());
    }
  }

  @Test
  void theRiskDistributionHasTenBandsSummingToTheCustomers() {
    List<Element> bars = elements(byId("risk-distribution"), "rect");
    assertThat(bars).hasSize(10);
    assertThat(bars.stream().mapToLong(b -> Long.parseLong(b.getAttribute("data-customers"))).sum()).isEqualTo(600);
  }

  @Test
  void escapesText() {
    assertThat(HtmlReport.esc("<a href=\"x\">R&D's</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
  }

  private static int indexOf(String stage) {
    for (int i = 0; i < report.stages().size(); i++) {
      if (report.stages().get(i).id().equals(stage)) {
        return i;
      }
    }
    throw new AssertionError(stage);
  }

  private static Element byId(String id) {
    NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    for (int i = 0; i < svgs.getLength(); i++) {
      Element e = (Element) svgs.item(i);
      if (e.getAttribute("id").equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
