package dev.reposix.backend.confluence.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage tree keeps the W3C DOM's meanings the codec relies on: a node inserted elsewhere
 * moves, attributes are kept in name order and an absent one reads as an empty string, text
 * content leaves comments out, normalizing joins neighbouring texts and drops empty ones, and a
 * deep copy is independent of its original. Parsing gives known names as the shared instances.
 */
class StorageTreeTest {

    @Test
    void insertingANodeMovesItFromWhereItWas() {
        Element from = new Element("p");
        Element to = new Element("li");
        Node a = from.appendChild(Node.text("a"));
        Node b = from.appendChild(Node.text("b"));
        Node c = to.appendChild(Node.text("c"));

        to.insertBefore(a, c);
        assertThat(children(from)).containsExactly(b);
        assertThat(children(to)).containsExactly(a, c);
        assertThat(a.getParentNode()).isSameAs(to);

        to.appendChild(a);
        assertThat(children(to)).containsExactly(c, a);
        assertThat(c.getPreviousSibling()).isNull();
        assertThat(a.getNextSibling()).isNull();
        assertThat(to.getLastChild()).isSameAs(a);

        to.insertBefore(a, a);
        assertThat(children(to)).containsExactly(c, a);
    }

    @Test
    void removingUnlinksTheChildAndRefusesAStranger() {
        Element parent = new Element("p");
        Node first = parent.appendChild(Node.text("1"));
        Node middle = parent.appendChild(new Element("br"));
        Node last = parent.appendChild(Node.text("2"));

        assertThat(parent.removeChild(middle)).isSameAs(middle);
        assertThat(children(parent)).containsExactly(first, last);
        assertThat(first.getNextSibling()).isSameAs(last);
        assertThat(last.getPreviousSibling()).isSameAs(first);
        assertThat(middle.getParentNode()).isNull();
        assertThatThrownBy(() -> parent.removeChild(middle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<p>");
        assertThatThrownBy(() -> parent.insertBefore(Node.text("x"), middle))
                .isInstanceOf(IllegalArgumentException.class);
        Element inner = (Element) parent.appendChild(new Element("strong"));
        assertThatThrownBy(() -> inner.appendChild(parent)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributesAreKeptInNameOrderAndAnAbsentOneIsEmpty() {
        Element macro = new Element("ac:structured-macro");
        macro.setAttribute("ac:schema-version", "1");
        macro.setAttribute("ac:name", "code");
        macro.setAttribute("ac:macro-id", "m1");
        macro.setAttribute("ac:name", "info");

        assertThat(macro.attributeCount()).isEqualTo(3);
        assertThat(List.of(macro.attributeName(0), macro.attributeName(1), macro.attributeName(2)))
                .containsExactly("ac:macro-id", "ac:name", "ac:schema-version");
        assertThat(macro.attributeValue(1)).isEqualTo("info");
        assertThat(macro.getAttribute("ac:title")).isEmpty();
        assertThat(macro.hasAttribute("ac:title")).isFalse();

        macro.removeAttribute("ac:macro-id");
        macro.removeAttribute("absent");
        assertThat(macro.attributeCount()).isEqualTo(2);
        assertThat(macro.attributeName(0)).isEqualTo("ac:name");
        assertThatThrownBy(() -> macro.attributeName(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void textContentLeavesCommentsAndInstructionsOut() {
        Element root = StorageParser.parse("<p>a<!-- note -->b<strong>c<em>d</em></strong></p>");
        assertThat(root.getTextContent()).isEqualTo("abcd");
        Element withInstruction = StorageParser.parse("<p>x<?pi data?>y</p>");
        assertThat(withInstruction.getTextContent()).isEqualTo("xy");
        Node instruction = withInstruction.getFirstChild().getFirstChild().getNextSibling();
        assertThat(instruction.getNodeType()).isEqualTo(Node.PROCESSING_INSTRUCTION_NODE);
        assertThat(instruction.getNodeName()).isEqualTo("pi");
    }

    @Test
    void normalizingJoinsNeighbouringTextsAndDropsEmptyOnes() {
        Element paragraph = new Element("p");
        paragraph.appendChild(Node.text("a"));
        paragraph.appendChild(Node.text(""));
        paragraph.appendChild(Node.text("b"));
        Element strong = (Element) paragraph.appendChild(new Element("strong"));
        strong.appendChild(Node.text(""));
        paragraph.appendChild(Node.comment("c"));
        paragraph.appendChild(Node.text("d"));

        paragraph.normalize();
        assertThat(children(paragraph)).extracting(Node::getNodeValue).containsExactly("ab", null, "c", "d");
        assertThat(strong.hasChildNodes()).isFalse();
    }

    @Test
    void aDeepCopyIsIndependentOfItsOriginal() {
        Element original = StorageParser.parse("<p class=\"x\">a<strong>b</strong></p>");
        Element paragraph = (Element) original.getFirstChild();
        Element copy = paragraph.cloneNode(true);
        copy.setAttribute("class", "y");
        copy.getFirstChild().setNodeValue("changed");

        assertThat(paragraph.getAttribute("class")).isEqualTo("x");
        assertThat(paragraph.getTextContent()).isEqualTo("ab");
        assertThat(copy.getTextContent()).isEqualTo("changedb");
        assertThat(copy.getParentNode()).isNull();
        assertThat(paragraph.cloneNode(false).hasChildNodes()).isFalse();
    }

    @Test
    void anElementKnowsItsKindsInTheStorageVocabulary() {
        assertThat(new Element("p").isA(Dom.BLOCK)).isTrue();
        assertThat(new Element("p").isA(Dom.TEXT_BLOCK | Dom.CONTAINER)).isTrue();
        assertThat(new Element("p").isA(Dom.CONTAINER)).isFalse();
        assertThat(new Element("ac:plain-text-body").isA(Dom.PRESERVES_SPACE)).isTrue();
        assertThat(new Element("strong").isA(Dom.FORMAT)).isTrue();
        assertThat(new Element("ul").isA(Dom.CONTAINER | Dom.BLOCK)).isTrue();
        assertThat(new Element("my-tag").isA(Dom.CONTAINER | Dom.BLOCK | Dom.TEXT_BLOCK | Dom.PRESERVES_SPACE
                | Dom.FORMAT)).isFalse();
        for (String name : Dom.BLOCKS) {
            assertThat(new Element(name).isA(Dom.BLOCK)).as(name).isTrue();
        }
    }

    @Test
    void parsingGivesKnownNamesAsTheSharedInstances() {
        Element root = StorageParser.parse("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"x\">1"
                + "</ac:parameter></ac:structured-macro><my-tag my-attribute=\"1\"/>");
        Element macro = (Element) root.getFirstChild();
        assertThat(macro.getTagName()).isSameAs("ac:structured-macro");
        assertThat(macro.attributeName(0)).isSameAs("ac:name");
        assertThat(((Element) macro.getFirstChild()).getTagName()).isSameAs("ac:parameter");
        Element unknown = (Element) macro.getNextSibling();
        assertThat(unknown.getTagName()).isEqualTo("my-tag");
        assertThat(unknown.attributeName(0)).isEqualTo("my-attribute");
        assertThat(StorageNames.find("<xh1>", 2, 4, "h1".hashCode())).isSameAs("h1");
        assertThat(StorageNames.find("<xh7>", 2, 4, "h7".hashCode())).isNull();
    }

    private static List<Node> children(Element parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        return children;
    }
}
