package org.shipaudit.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ParseStart;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * The first wall between a rule pack and the service: checks one DRL source on its parsed structure (the Drools DRL
 * parser's descriptors; JavaParser for consequences and functions; Drools' DRLX expression parser for constraints)
 * against {@link RuleAllowList}, and fails closed: whatever it cannot parse, or does not know to be allowed, is
 * refused. Nothing of the pack runs here; model classes are loaded, pack code never is. Sizes and nesting are bounded
 * before any parser sees the text, so a huge or deeply nested candidate is refused in milliseconds.
 */
final class RuleSandbox {

    /** A DRL file (hand-written or generated from one table) above this size is refused unparsed. */
    static final int MAX_FILE_CHARS = 512 * 1024;
    /** One rule (from {@code rule} to {@code end}) above this size is refused. */
    static final int MAX_RULE_CHARS = 16 * 1024;
    /** Brackets nested deeper than this anywhere in a file are refused before parsing. */
    static final int MAX_NESTING = 24;

    /** The accumulate functions Drools ships that only compute values. */
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("collectList", "collectSet", "count", "sum",
            "min", "max", "average");
    /** Attributes that are plain settings; the others either take code (timer, enabled) or are unused here. */
    private static final Set<String> ATTRIBUTES = Set.of("no-loop", "lock-on-active", "salience", "dialect");
    private static final Set<String> DRL_OPERATORS = Set.of("matches", "contains", "memberOf", "soundslike", "str",
            "excludes", "in", "notin");
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "scala", "groovy", "oracle");
    /** What a metadata value may be: a string without escapes or quotes inside, a number, a boolean, a word. */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "\"[^\"\\\\]*\"|-?\\d{1,18}(\\.\\d{1,18})?|true|false|[a-z][A-Za-z0-9_]{0,40}|");
    private static final ParseStart<DrlxExpression> DRLX = DrlxParser.buildDrlxParserWithArguments(DRL_OPERATORS);

    private final String file;
    private final String drl;
    private final List<CompileError> errors;
    /** Simple name -> class of every type this file may name. */
    private final Map<String, Class<?>> types = new HashMap<>(RuleAllowList.implicitTypes());
    /** Types declared in this file ({@code declare Tick}) and their fields. */
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Set<String> staticFunctions = new HashSet<>();
    private final Set<String> functions = new HashSet<>();
    private Set<Class<?>> reachable = Set.of();
    /**
     * Bound variable -> its static type, within the rule or function being checked: a pattern's type for
     * {@code $p : Parcel(...)}, the property's type for {@code $w : weightLb}, a function parameter's type. A name
     * bound with two types, or to what cannot be typed, maps to null: its calls are checked as of unknown type.
     */
    private final Map<String, Class<?>> boundTypes = new HashMap<>();
    /** One parser per check: building one costs more than parsing a consequence. Not shared, as it is not thread-safe. */
    private final JavaParser javaParser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private RuleSandbox(String file, String drl, List<CompileError> errors) {
        this.file = file;
        this.drl = drl;
        this.errors = errors;
    }

    /**
     * Checks one DRL source; adds an error per refusal (file, line in {@code drl}, what is refused and why).
     *
     * @return true when the source is allowed
     */
    static boolean check(String file, String drl, List<CompileError> errors) {
        int before = errors.size();
        new RuleSandbox(file, drl, errors).run();
        return errors.size() == before;
    }

    private void run() {
        if (drl.length() > MAX_FILE_CHARS) {
            refuse(0, "the file is " + drl.length() / 1024 + " KB; a rule file may hold at most "
                    + MAX_FILE_CHARS / 1024 + " KB: split it");
            return;
        }
        if (!textIsPlain()) {
            return;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            refuse(0, "the DRL cannot be parsed: " + RulePackCompiler.rootMessage(e));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            // The builder reports syntax errors with better lines; refuse here only so nothing else is inspected.
            for (DroolsError e : parser.getErrors()) {
                int[] lines = e.getLines();
                refuse(lines != null && lines.length > 0 ? lines[0] : 0, "the DRL cannot be parsed: " + e.getMessage());
            }
            return;
        }
        checkPackage(pkg);
    }

    /** Refuses unicode escapes (a classic way to hide code from a checker), control characters and deep nesting. */
    private boolean textIsPlain() {
        int line = 1;
        int depth = 0;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\\' && i + 1 < drl.length() && drl.charAt(i + 1) == 'u') {
                refuse(line, "unicode escapes (\\u...) are not allowed in rules: write the character itself");
                return false;
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                refuse(line, "control character U+" + String.format("%04X", (int) c) + " is not allowed in rules");
                return false;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    refuse(line, "brackets nested deeper than " + MAX_NESTING + ": split the expression");
                    return false;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return true;
    }

    private void checkPackage(PackageDescr pkg) {
        List<Class<?>> seeds = new ArrayList<>();
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            if (target.endsWith(".*")) {
                refuse(imp.getLine(), "wildcard import '" + target + "': import each class by name");
                continue;
            }
            Optional<Class<?>> c = RuleAllowList.importable(target);
            if (c.isEmpty()) {
                refuse(imp.getLine(), "import of '" + target + "' is not allowed: rules may use the fact model "
                        + "(org.shipaudit.model), Severity, Category, Findings and the JDK value types listed in "
                        + "rules/README.md");
            } else {
                types.put(c.get().getSimpleName(), c.get());
                seeds.add(c.get());
            }
        }
        reachable = RuleAllowList.reachable(seeds);
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            String target = f.getTarget();
            int dot = target.lastIndexOf('.');
            Optional<Class<?>> owner = dot < 0 ? Optional.empty() : RuleAllowList.importable(target.substring(0, dot));
            String name = dot < 0 ? target : target.substring(dot + 1);
            if (owner.isPresent() && !name.equals("*") && RuleAllowList.allowedMethod(owner.get(), name)) {
                staticFunctions.add(name);
            } else {
                refuse(f.getLine(), "static import '" + target + "' is not allowed: only allow-listed static methods "
                        + "may be imported, one by name");
            }
        }
        pkg.getAccumulateImports().forEach(a -> refuse(a.getLine(), "accumulate function imports are not allowed: "
                + "use " + String.join(", ", ACCUMULATE_FUNCTIONS)));
        pkg.getGlobals().forEach(g -> refuse(g.getLine(), "global '" + g.getIdentifier() + "' is not allowed: rules "
                + "get what they need as facts, and report through Findings"));
        pkg.getEnumDeclarations().forEach(e -> refuse(e.getLine(), "declare enum is not allowed: use the model's enums"));
        pkg.getEntryPointDeclarations().forEach(e -> refuse(e.getLine(), "entry points are not allowed"));
        pkg.getWindowDeclarations().forEach(e -> refuse(e.getLine(), "windows are not allowed"));
        pkg.getAttributes().forEach(this::checkAttribute);
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            checkDeclare(t);
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            if (!declared.containsKey(t.getTypeName())) {
                continue;
            }
            for (TypeFieldDescr f : t.getFields().values()) {
                String type = f.getPattern() == null ? null : f.getPattern().getObjectType();
                if (type == null || !knownType(type)) {
                    refuse(f.getLine(), "field '" + f.getFieldName() + "' of declared type " + t.getTypeName()
                            + " has type '" + type + "', which is not allow-listed");
                }
                if (f.getInitExpr() != null && !f.getInitExpr().isBlank()) {
                    checkExpression(f.getInitExpr(), f.getLine(), Set.of(), null, "field initialiser");
                }
            }
        }
        // A function may call only the functions declared before it, so no function can recurse, directly or not.
        for (FunctionDescr f : pkg.getFunctions()) {
            checkFunction(f);
            functions.add(f.getName());
        }
        for (RuleDescr r : pkg.getRules()) {
            checkRule(r);
        }
    }

    private void checkAttribute(AttributeDescr a) {
        String name = a.getName();
        if (!ATTRIBUTES.contains(name)) {
            refuse(a.getLine(), "attribute '" + name + "' is not allowed");
        } else if (name.equals("dialect") && !"java".equals(a.getValue())) {
            refuse(a.getLine(), "dialect \"" + a.getValue() + "\" is not allowed: consequences are written in Java");
        } else if (name.equals("salience") && !a.getValue().trim().matches("-?\\d{1,6}")) {
            refuse(a.getLine(), "salience must be a whole number, not an expression");
        }
    }

    private void checkDeclare(TypeDeclarationDescr t) {
        String superType = t.getSuperTypeName();
        if (!t.getSuperTypes().isEmpty() && superType != null && !superType.equals("Object")
                && !superType.equals("java.lang.Object")) {
            refuse(t.getLine(), "declare " + t.getTypeName() + " extends " + superType + ": declared types may not "
                    + "extend other types");
            return;
        }
        if (t.isTrait()) {
            refuse(t.getLine(), "declare trait is not allowed");
            return;
        }
        if (types.containsKey(t.getTypeName())) {
            // Re-declaring an imported model class adds metadata to it; only new fact types may be declared here.
            refuse(t.getLine(), "declare " + t.getTypeName() + ": only new fact types may be declared");
            return;
        }
        checkAnnotations(t);
        t.getFields().values().forEach(this::checkAnnotations);
        declared.put(t.getTypeName(), new HashSet<>(t.getFields().keySet()));
    }

    /**
     * Metadata ({@code @validFrom("2026-01-26")}) may hold literals only: Drools evaluates a metadata value as an MVEL
     * expression while it builds the package, so {@code @source(new java.io.File(...).createNewFile())} would run.
     */
    private void checkAnnotations(org.drools.drl.ast.descr.AnnotatedBaseDescr d) {
        for (org.drools.drl.ast.descr.AnnotationDescr a : d.getAnnotations()) {
            for (Object v : a.getValueMap().values()) {
                String value = v == null ? "" : v.toString().trim();
                if (!LITERAL.matcher(value).matches()) {
                    refuse(d.getLine(), "metadata @" + a.getName() + "(" + abbreviate(value) + ") is not allowed: "
                            + "metadata values must be a quoted string, a number, true/false or a plain word");
                }
            }
        }
    }

    private void checkFunction(FunctionDescr f) {
        if (!"java".equals(f.getDialect()) && f.getDialect() != null) {
            refuse(f.getLine(), "function " + f.getName() + ": dialect " + f.getDialect() + " is not allowed");
            return;
        }
        Set<String> locals = new HashSet<>(f.getParameterNames());
        boundTypes.clear();
        for (int i = 0; i < f.getParameterTypes().size(); i++) {
            String type = f.getParameterTypes().get(i);
            if (!knownType(type)) {
                refuse(f.getLine(), "function " + f.getName() + ": parameter type '" + type + "' is not allow-listed");
            }
            int generic = type.indexOf('<');
            bind(f.getParameterNames().get(i), types.get((generic < 0 ? type : type.substring(0, generic)).trim()));
        }
        String ret = f.getReturnType();
        if (ret != null && !ret.equals("void") && !knownType(ret)) {
            refuse(f.getLine(), "function " + f.getName() + ": return type '" + ret + "' is not allow-listed");
        }
        checkBlock(f.getBody(), codeLine(f.getBody(), f.getLine()), locals, "function " + f.getName());
    }

    private void checkRule(RuleDescr r) {
        int start = r.getStartCharacter();
        int end = r.getEndCharacter();
        if (start >= 0 && end > start && end - start > MAX_RULE_CHARS) {
            refuse(r.getLine(), "rule \"" + r.getName() + "\" is " + (end - start) / 1024 + " KB; a rule may be at "
                    + "most " + MAX_RULE_CHARS / 1024 + " KB: move values into a decision table");
            return;
        }
        if (r.isQuery()) {
            refuse(r.getLine(), "query \"" + r.getName() + "\" is not allowed: packs hold rules only");
            return;
        }
        if (r.getUnit() != null && r.getUnit().getTarget() != null) {
            refuse(r.getLine(), "rule units are not allowed");
        }
        if (r.getParentName() != null) {
            refuse(r.getLine(), "rule \"" + r.getName() + "\" extends another rule: write each rule whole");
        }
        r.getAttributes().values().forEach(this::checkAttribute);
        checkAnnotations(r);
        if (!r.getNamedConsequences().isEmpty()) {
            refuse(r.getLine(), "rule \"" + r.getName() + "\": named consequences are not allowed");
        }
        Set<String> bound = new HashSet<>();
        boundTypes.clear();
        checkConditions(r.getLhs(), bound);
        Object consequence = r.getConsequence();
        if (consequence != null && !(consequence instanceof String)) {
            refuse(r.getConsequenceLine(), "rule \"" + r.getName() + "\": the consequence is not Java text");
        } else if (consequence != null) {
            bound.add("drools");
            checkBlock((String) consequence, codeLine((String) consequence, r.getConsequenceLine()), bound,
                    "rule \"" + r.getName() + "\"");
        }
    }

    /** Checks one conditional element and collects the names it binds. */
    private void checkConditions(BaseDescr d, Set<String> bound) {
        if (d instanceof AndDescr a) {
            a.getDescrs().forEach(x -> checkConditions(x, bound));
        } else if (d instanceof OrDescr o) {
            o.getDescrs().forEach(x -> checkConditions(x, bound));
        } else if (d instanceof NotDescr n) {
            n.getDescrs().forEach(x -> checkConditions(x, new HashSet<>(bound)));
        } else if (d instanceof ExistsDescr e) {
            for (Object x : e.getDescrs()) {
                checkConditions((BaseDescr) x, new HashSet<>(bound));
            }
        } else if (d instanceof ForallDescr f) {
            f.getDescrs().forEach(x -> checkConditions(x, new HashSet<>(bound)));
        } else if (d instanceof EvalDescr e) {
            if (e.getContent() instanceof String s) {
                checkExpression(s, e.getLine(), bound, null, "eval");
            } else {
                refuse(e.getLine(), "eval without an expression is not allowed");
            }
        } else if (d instanceof PatternDescr p) {
            checkPattern(p, bound);
        } else {
            refuse(d.getLine(), "condition '" + d.getClass().getSimpleName().replace("Descr", "")
                    + "' is not allowed in rules");
        }
    }

    private void checkPattern(PatternDescr p, Set<String> bound) {
        checkAnnotations(p);
        if (p.isQuery()) {
            refuse(p.getLine(), "calling a query is not allowed");
            return;
        }
        String type = p.getObjectType();
        Class<?> cls = types.get(type);
        if (cls == null && !declared.containsKey(type)) {
            refuse(p.getLine(), "pattern type '" + type + "' is not allow-listed: match facts of the model, imported "
                    + "by name, or a type declared in this file");
            return;
        }
        if (p.getSource() != null) {
            checkSource(p, bound);
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                Set<String> binds = checkExpression(e.getExpression(), lineOf(e, p), bound, type, "constraint");
                bound.addAll(binds);
            } else {
                refuse(lineOf(c, p), "constraint '" + c.getText() + "' is not allowed");
            }
        }
        if (p.getIdentifier() != null) {
            bound.add(p.getIdentifier());
            bind(p.getIdentifier(), cls);
        }
    }

    private void checkSource(PatternDescr p, Set<String> bound) {
        BaseDescr source = p.getSource();
        if (source instanceof CollectDescr c) {
            checkPattern(c.getInputPattern(), new HashSet<>(bound));
        } else if (source instanceof AccumulateDescr a) {
            if (!a.isExternalFunction() && (a.getInitCode() != null || a.getActionCode() != null
                    || a.getResultCode() != null || a.getReverseCode() != null)) {
                refuse(lineOf(a, p), "accumulate with init/action/result code is not allowed: use one of "
                        + String.join(", ", ACCUMULATE_FUNCTIONS));
                return;
            }
            Set<String> inner = new HashSet<>(bound);
            for (BaseDescr in : a.getDescrs()) {
                checkConditions(in, inner);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(lineOf(a, p), "accumulate function '" + f.getFunction() + "' is not allowed: use one of "
                            + String.join(", ", ACCUMULATE_FUNCTIONS));
                }
                for (String param : f.getParams()) {
                    checkExpression(param, lineOf(a, p), inner, null, "accumulate argument");
                }
                if (f.getBind() != null) {
                    bound.add(f.getBind());
                    bind(f.getBind(), null);
                }
            }
        } else if (source instanceof FromDescr f) {
            checkExpression(f.getExpression(), lineOf(f, p), bound, null, "from expression");
        } else {
            refuse(lineOf(source, p), "pattern source '" + source.getClass().getSimpleName().replace("Descr", "")
                    + "' is not allowed");
        }
    }

    private static int lineOf(BaseDescr d, BaseDescr parent) {
        return d.getLine() > 0 ? d.getLine() : parent.getLine();
    }

    /** Parses a constraint or DRL expression and checks it; returns the names it binds ({@code $w : weightLb}). */
    private Set<String> checkExpression(String text, int line, Set<String> bound, String patternType, String what) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        DrlxExpression expr;
        try {
            expr = DrlxParser.parseExpression(DRLX, text);
        } catch (RuntimeException | StackOverflowError e) {
            refuse(line, what + " '" + abbreviate(text) + "' cannot be parsed, so it cannot be checked: "
                    + RulePackCompiler.rootMessage(e));
            return Set.of();
        }
        Set<String> binds = new HashSet<>();
        CodeCheck check = new CodeCheck(line, bound, patternType, true);
        if (expr.getBind() != null) {
            binds.add(expr.getBind().asString());
            bind(expr.getBind().asString(), check.typeOf(expr.getExpr()));
        }
        check.origin = expr.getBegin().or(() -> expr.getExpr().getBegin()).map(pos -> pos.line).orElse(1);
        check.node(expr.getExpr(), 0);
        return binds;
    }

    /** Records a bound name's static type; a second, different type (or none) makes it unknown. */
    private void bind(String name, Class<?> type) {
        if (boundTypes.containsKey(name) && boundTypes.get(name) != type) {
            boundTypes.put(name, null);
        } else {
            boundTypes.put(name, type);
        }
    }

    private void checkBlock(String code, int firstLine, Set<String> locals, String what) {
        if (code == null || code.isBlank()) {
            return;
        }
        ParseResult<BlockStmt> result;
        try {
            result = javaParser.parseBlock("{" + code + "\n}");
        } catch (RuntimeException | StackOverflowError e) {
            refuse(firstLine, what + ": the code cannot be parsed, so it cannot be checked: "
                    + RulePackCompiler.rootMessage(e));
            return;
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problem = result.getProblems().isEmpty() ? "syntax error" : result.getProblems().get(0).getMessage();
            int at = result.getProblems().isEmpty() ? 1 : result.getProblems().get(0).getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            refuse(firstLine + at - 1, what + ": the code cannot be parsed, so it cannot be checked: "
                    + firstLine(problem));
            return;
        }
        new CodeCheck(firstLine, new HashSet<>(locals), null, false).node(result.getResult().get(), 0);
    }

    /**
     * The line of the DRL where a code block the parser handed over (trimmed) begins, searching from the line of its
     * keyword ({@code then}, {@code function}); the keyword's line when the text cannot be found.
     */
    private int codeLine(String code, int fromLine) {
        String head = code.strip();
        head = head.substring(0, Math.min(40, head.length()));
        int offset = 0;
        for (int l = 1; l < fromLine && offset >= 0; l++) {
            offset = drl.indexOf('\n', offset) + 1;
        }
        int at = head.isEmpty() || offset < 0 ? -1 : drl.indexOf(head, offset);
        if (at < 0) {
            return fromLine;
        }
        int line = fromLine;
        for (int i = offset; i < at; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private boolean knownType(String name) {
        String n = name.trim();
        if (n.endsWith("[]")) {
            return false;
        }
        int generic = n.indexOf('<');
        if (generic > 0) {
            if (!n.endsWith(">")) {
                return false;
            }
            for (String arg : n.substring(generic + 1, n.length() - 1).split(",")) {
                if (!knownType(arg)) {
                    return false;
                }
            }
            n = n.substring(0, generic).trim();
        }
        return Set.of("int", "long", "double", "float", "short", "byte", "boolean", "char").contains(n)
                || types.containsKey(n) || declared.containsKey(n);
    }

    private void refuse(int line, String message) {
        errors.add(new CompileError(file, Math.max(0, line), message));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Walks one parsed code block or expression, node by node. Known-safe node kinds are checked; every other kind
     * (loops, lambdas, method references, try, throw, synchronized, local and anonymous classes, switch, arrays,
     * class literals, ...) is refused, so a construct JavaParser adds later is refused until someone allows it.
     */
    private final class CodeCheck {
        private final int baseLine;
        private final Set<String> locals;
        private final String patternType;
        private final boolean constraint;
        /** Local variable -> its declared type (null for a type the check does not know, such as a declared one). */
        private final Map<String, Class<?>> localTypes = new HashMap<>();
        /**
         * Locals holding an object this block created ({@code AddressFormat f = new AddressFormat(...)}) and never
         * reassigned: the one receiver whose setters a rule may call, filling a new fact before it inserts it (the
         * decision tables' actions do this). Blocks have no loops, so the walk's order is the order of execution.
         */
        private final Set<String> fresh = new HashSet<>();
        /** The parser's line number of the first line of the text ({@code baseLine} in the DRL). */
        private int origin = 1;

        CodeCheck(int baseLine, Set<String> locals, String patternType, boolean constraint) {
            this.baseLine = baseLine;
            this.locals = locals;
            this.patternType = patternType;
            this.constraint = constraint;
        }

        private int line(Node n) {
            return baseLine + n.getBegin().map(p -> p.line).orElse(origin) - origin;
        }

        private void no(Node n, String what) {
            refuse(line(n), what);
        }

        void node(Node n, int depth) {
            if (depth > MAX_NESTING * 4) {
                no(n, "expression nested too deeply: split it");
                return;
            }
            if (n instanceof Comment) {
                return;
            }
            if (!allowed(n)) {
                return;
            }
            for (Node child : n.getChildNodes()) {
                node(child, depth + 1);
            }
        }

        /** Checks this node itself; false when its children need not (or must not) be walked. */
        private boolean allowed(Node n) {
            if (n instanceof BlockStmt || n instanceof ExpressionStmt || n instanceof IfStmt || n instanceof EmptyStmt
                    || n instanceof BinaryExpr || n instanceof UnaryExpr || n instanceof ConditionalExpr
                    || n instanceof EnclosedExpr || n instanceof StringLiteralExpr || n instanceof TextBlockLiteralExpr
                    || n instanceof IntegerLiteralExpr || n instanceof LongLiteralExpr
                    || n instanceof DoubleLiteralExpr || n instanceof BooleanLiteralExpr
                    || n instanceof CharLiteralExpr || n instanceof NullLiteralExpr || n instanceof PrimitiveType
                    || n instanceof BigDecimalLiteralExpr || n instanceof BigIntegerLiteralExpr
                    || n instanceof HalfBinaryExpr || n instanceof SimpleName || n instanceof VoidType
                    || n instanceof com.github.javaparser.ast.Modifier) {
                return true;
            }
            if (n instanceof ReturnStmt) {
                return true;
            }
            if (n instanceof PointFreeExpr pf) {
                return operator(pf, pf.getOperator().asString());
            }
            if (n instanceof HalfPointFreeExpr pf) {
                return operator(pf, pf.getOperator().asString());
            }
            if (n instanceof ThisExpr t) {
                if (!constraint || t.getTypeName().isPresent()) {
                    no(n, "'this' is not allowed here");
                    return false;
                }
                return true;
            }
            if (n instanceof VariableDeclarationExpr v) {
                for (VariableDeclarator d : v.getVariables()) {
                    locals.add(d.getNameAsString());
                }
                return true;
            }
            if (n instanceof VariableDeclarator d) {
                type(d.getType(), d);
                localTypes.put(d.getNameAsString(), classOf(d.getType()));
                if (d.getInitializer().filter(i -> i instanceof ObjectCreationExpr).isPresent()) {
                    fresh.add(d.getNameAsString());
                } else {
                    fresh.remove(d.getNameAsString());
                }
                return walk(d.getInitializer().orElse(null));
            }
            if (n instanceof Parameter) {
                no(n, "parameters are not allowed here");
                return false;
            }
            if (n instanceof AssignExpr a) {
                if (!(a.getTarget() instanceof NameExpr target) || !locals.contains(target.getNameAsString())
                        || target.getNameAsString().equals("drools")) {
                    no(n, "only local variables may be assigned: rules never modify facts");
                    return false;
                }
                fresh.remove(target.getNameAsString());
                return walk(a.getValue());
            }
            if (n instanceof CastExpr c) {
                type(c.getType(), c);
                return walk(c.getExpression());
            }
            if (n instanceof InstanceOfExpr i) {
                if (i.getPattern().isPresent()) {
                    no(n, "instanceof patterns are not allowed");
                    return false;
                }
                type(i.getType(), i);
                return walk(i.getExpression());
            }
            if (n instanceof ClassOrInterfaceType t) {
                type(t, t);
                return false;
            }
            if (n instanceof ObjectCreationExpr o) {
                return creation(o);
            }
            if (n instanceof MethodCallExpr m) {
                return call(m, m.getScope().orElse(null), m.getNameAsString(), m.getArguments(),
                        m.getTypeArguments().isPresent());
            }
            if (n instanceof NullSafeMethodCallExpr m) {
                return call(m, m.getScope().orElse(null), m.getNameAsString(), m.getArguments(),
                        m.getTypeArguments().isPresent());
            }
            if (n instanceof FieldAccessExpr f) {
                return field(f, f.getScope(), f.getNameAsString());
            }
            if (n instanceof NullSafeFieldAccessExpr f) {
                return field(f, f.getScope(), f.getNameAsString());
            }
            if (n instanceof NameExpr name) {
                return name(name, name.getNameAsString());
            }
            if (n instanceof Name name) {
                no(n, "the qualified name '" + name.asString() + "' is not allowed");
                return false;
            }
            no(n, describe(n) + " is not allowed in rules");
            return false;
        }

        private boolean walk(Node n) {
            if (n != null) {
                node(n, 1);
            }
            return false;
        }

        private boolean operator(Node n, String op) {
            if (!DRL_OPERATORS.contains(op)) {
                no(n, "operator '" + op + "' is not allowed");
                return false;
            }
            return true;
        }

        /** Refuses a type that is not allow-listed; true when it is allowed. */
        private boolean type(Type t, Node at) {
            if (t instanceof PrimitiveType) {
                return true;
            }
            if (t instanceof ClassOrInterfaceType c) {
                if (c.getScope().isPresent()) {
                    no(at, "the qualified type '" + c.asString() + "' is not allowed: import the class by name");
                    return false;
                }
                String name = c.getNameAsString();
                if (!types.containsKey(name) && !declared.containsKey(name)) {
                    no(at, "type '" + name + "' is not allow-listed");
                    return false;
                }
                c.getTypeArguments().ifPresent(args -> args.forEach(a -> type(a, at)));
                return true;
            }
            no(at, "type '" + t.asString() + "' is not allowed" + (t.isArrayType() ? ": arrays are not allowed" : ""));
            return false;
        }

        private boolean creation(ObjectCreationExpr o) {
            if (o.getAnonymousClassBody().isPresent()) {
                no(o, "anonymous classes are not allowed");
                return false;
            }
            if (o.getScope().isPresent()) {
                no(o, "qualified 'new' is not allowed");
                return false;
            }
            ClassOrInterfaceType t = o.getType();
            Class<?> c = t.getScope().isPresent() ? null : types.get(t.getNameAsString());
            boolean declaredType = t.getScope().isEmpty() && declared.containsKey(t.getNameAsString());
            if (!declaredType && (c == null || !RuleAllowList.constructible(c))) {
                no(o, "'new " + t.asString() + "(...)' is not allowed: rules may create model facts and BigDecimal "
                        + "values only");
                return false;
            }
            o.getArguments().forEach(a -> node(a, 1));
            return false;
        }

        private boolean call(Node call, Expression scope, String name, NodeList<Expression> args, boolean typeArgs) {
            // Point at the method's name: in a chain written over several lines that is the line of the call.
            Node n = call instanceof MethodCallExpr m ? m.getName()
                    : call instanceof NullSafeMethodCallExpr m ? m.getName() : call;
            if (typeArgs) {
                no(n, "explicit type arguments are not allowed");
                return false;
            }
            if (RuleAllowList.NEVER.contains(name)) {
                no(n, "method '" + name + "' is not allowed: rules may not use reflection, the class loader or "
                        + "processes");
                return false;
            }
            if (scope == null) {
                boolean ok = constraint ? functions.contains(name) || staticFunctions.contains(name)
                        || patternMethod(name)
                        : functions.contains(name) || staticFunctions.contains(name)
                        || patternType == null && (name.equals("insert") || name.equals("insertLogical"));
                if (!ok) {
                    no(n, "call of '" + name + "(...)' is not allowed" + (functions.contains(name) ? "" : ": not a "
                            + "function declared above, nor insert/insertLogical"));
                    return false;
                }
                args.forEach(a -> node(a, 1));
                return false;
            }
            if (scope instanceof NameExpr s && s.getNameAsString().equals("drools")) {
                // drools.getRule().getName() is the one use of the engine handle besides Findings.raise(drools, ...).
                if (!name.equals("getRule") || !args.isEmpty() || !(call.getParentNode().orElse(null)
                        instanceof MethodCallExpr parent) || !parent.getNameAsString().equals("getName")
                        || !parent.getArguments().isEmpty()) {
                    no(n, "'drools." + name + "(...)' is not allowed: use drools only as Findings.raise(drools, ...) "
                            + "or drools.getRule().getName()");
                }
                return false;
            }
            Class<?> staticType = typeName(scope);
            if (staticType != null) {
                if (!RuleAllowList.allowedMethod(staticType, name)) {
                    no(n, "'" + staticType.getSimpleName() + "." + name + "(...)' is not allow-listed");
                    return false;
                }
                if (staticType == Findings.class && name.equals("raise")) {
                    return raise(args);
                }
                args.forEach(a -> node(a, 1));
                return false;
            }
            if (isParentGetRule(scope) && name.equals("getName") && args.isEmpty()) {
                node(scope, 1);
                return false;
            }
            Class<?> receiver = typeOf(scope);
            boolean own = scope instanceof NameExpr ne && fresh.contains(ne.getNameAsString())
                    && locals.contains(ne.getNameAsString());
            if (receiver != null) {
                if (!RuleAllowList.allowedOn(receiver, name) && !(own && RuleAllowList.setter(receiver, name))) {
                    no(n, "method '" + name + "(...)' is not allow-listed on " + receiver.getSimpleName()
                            + (RuleAllowList.mutator(name) ? ": rules never modify facts or their collections" : ""));
                    return false;
                }
                return true;
            }
            if (RuleAllowList.mutator(name)) {
                no(n, "method '" + name + "(...)' may change its receiver, whose type cannot be known here: rules "
                        + "never modify facts or their collections");
                return false;
            }
            if (!RuleAllowList.allowedOnSome(reachable, name) && !declaredAccessor(name)) {
                no(n, "method '" + name + "(...)' is not allow-listed");
                return false;
            }
            return true;
        }

        /**
         * The static type of {@code e} where it is knowable without a full compiler: literals, typed locals and
         * bound variables, properties of the pattern, allow-listed static fields and calls whose every overload
         * returns one class; null otherwise.
         */
        Class<?> typeOf(Expression e) {
            if (e instanceof EnclosedExpr en) {
                return typeOf(en.getInner());
            }
            if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
                return String.class;
            }
            if (e instanceof BigDecimalLiteralExpr) {
                return java.math.BigDecimal.class;
            }
            if (e instanceof CastExpr c) {
                return classOf(c.getType());
            }
            if (e instanceof ObjectCreationExpr o) {
                return o.getType().getScope().isPresent() ? null : types.get(o.getType().getNameAsString());
            }
            if (e instanceof ThisExpr) {
                return constraint && patternType != null ? types.get(patternType) : null;
            }
            if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    && (typeOf(b.getLeft()) == String.class || typeOf(b.getRight()) == String.class)) {
                return String.class;
            }
            if (e instanceof NameExpr ne) {
                String name = ne.getNameAsString();
                if (locals.contains(name) && localTypes.containsKey(name)) {
                    return localTypes.get(name);
                }
                if (boundTypes.containsKey(name)) {
                    return boundTypes.get(name);
                }
                Class<?> pattern = constraint && patternType != null ? types.get(patternType) : null;
                return pattern != null && !locals.contains(name) ? RuleAllowList.propertyType(pattern, name) : null;
            }
            if (e instanceof FieldAccessExpr f) {
                Class<?> owner = typeName(f.getScope());
                if (owner == null) {
                    owner = typeOf(f.getScope());
                    return owner == null ? null : RuleAllowList.propertyType(owner, f.getNameAsString());
                }
                try {
                    return owner.getField(f.getNameAsString()).getType();
                } catch (NoSuchFieldException x) {
                    return null;
                }
            }
            Expression scope = e instanceof MethodCallExpr m ? m.getScope().orElse(null)
                    : e instanceof NullSafeMethodCallExpr m ? m.getScope().orElse(null) : null;
            if (scope != null) {
                String name = e instanceof MethodCallExpr m ? m.getNameAsString()
                        : ((NullSafeMethodCallExpr) e).getNameAsString();
                Class<?> owner = typeName(scope);
                owner = owner != null ? owner : typeOf(scope);
                return owner == null ? null : RuleAllowList.returnType(owner, name);
            }
            return null;
        }

        /** The class a written type names (primitives included), or null when it is not an allow-listed class. */
        private Class<?> classOf(Type t) {
            if (t instanceof PrimitiveType p) {
                return switch (p.getType()) {
                    case INT -> int.class;
                    case LONG -> long.class;
                    case DOUBLE -> double.class;
                    case FLOAT -> float.class;
                    case SHORT -> short.class;
                    case BYTE -> byte.class;
                    case BOOLEAN -> boolean.class;
                    case CHAR -> char.class;
                };
            }
            if (t instanceof ClassOrInterfaceType c && c.getScope().isEmpty()) {
                return types.get(c.getNameAsString());
            }
            return null;
        }

        private boolean isParentGetRule(Expression scope) {
            return scope instanceof MethodCallExpr m && m.getNameAsString().equals("getRule")
                    && m.getScope().filter(s -> s instanceof NameExpr ne && ne.getNameAsString().equals("drools"))
                    .isPresent();
        }

        private boolean raise(NodeList<Expression> args) {
            for (int i = 0; i < args.size(); i++) {
                Expression a = args.get(i);
                if (i == 0 && a instanceof NameExpr d && d.getNameAsString().equals("drools")) {
                    continue;
                }
                node(a, 1);
            }
            return false;
        }

        /** Getters and setters Drools generates for a type declared in this file. */
        private boolean declaredAccessor(String name) {
            for (Set<String> fields : declared.values()) {
                for (String f : fields) {
                    String cap = Character.toUpperCase(f.charAt(0)) + f.substring(1);
                    // No setters: a declared fact is as immutable to rules as the model's.
                    if (name.equals("get" + cap) || name.equals("is" + cap)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** An unqualified call in a constraint is a method of the pattern's own type ({@code onOrAfter("...")}). */
        private boolean patternMethod(String name) {
            Class<?> c = patternType == null ? null : types.get(patternType);
            return c != null && RuleAllowList.allowedMethod(c, name);
        }

        /** The allow-listed type a scope names ({@code Math} in {@code Math.ceil}), or null when it is a value. */
        private Class<?> typeName(Expression scope) {
            if (scope instanceof NameExpr n && !locals.contains(n.getNameAsString())) {
                return types.get(n.getNameAsString());
            }
            return null;
        }

        private boolean field(Node n, Expression scope, String name) {
            Class<?> staticType = typeName(scope);
            if (staticType != null) {
                if (!RuleAllowList.allowedStaticField(staticType, name)) {
                    no(n, "'" + staticType.getSimpleName() + "." + name + "' is not allow-listed");
                }
                return false;
            }
            if (Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase())) {
                // a.b.Type: a package path, i.e. a fully qualified name.
                no(n, "the qualified name '" + n + "' is not allowed: import the class by name");
                return false;
            }
            return true;
        }

        private boolean name(NameExpr n, String name) {
            if (name.equals("drools") || name.equals("kcontext")) {
                no(n, "'" + name + "' may be used only as Findings.raise(drools, ...) or drools.getRule().getName()");
                return false;
            }
            if (locals.contains(name) || name.startsWith("$")) {
                return false;
            }
            if (types.containsKey(name) || declared.containsKey(name)) {
                // A bare type name as a value only appears as the scope of an allowed static call or field.
                return false;
            }
            if (PACKAGE_ROOTS.contains(name)) {
                no(n, "fully qualified names ('" + name + ". ...') are not allowed: import the class by name");
                return false;
            }
            if (constraint && Character.isLowerCase(name.charAt(0)) && property(name)) {
                return false;
            }
            no(n, "unknown name '" + name + "'" + (constraint ? ": not a property of " + patternType
                    + " nor a bound variable" : ": not a local variable nor a bound one"));
            return false;
        }

        /** True when {@code name} is a property of the pattern's type (getter, boolean getter, accessor or field). */
        private boolean property(String name) {
            if (patternType == null) {
                return false;
            }
            if (declared.containsKey(patternType)) {
                return declared.get(patternType).contains(name);
            }
            Class<?> c = types.get(patternType);
            if (c == null) {
                return false;
            }
            return RuleAllowList.property(c, name);
        }

        private String describe(Node n) {
            String kind = n.getClass().getSimpleName();
            return switch (kind) {
                case "WhileStmt", "DoStmt", "ForStmt", "ForEachStmt" -> "a loop (" + kind.replace("Stmt", "")
                        .toLowerCase() + ")";
                case "LambdaExpr" -> "a lambda";
                case "MethodReferenceExpr" -> "a method reference";
                case "TryStmt", "CatchClause" -> "try/catch";
                case "ThrowStmt" -> "throw";
                case "SynchronizedStmt" -> "synchronized";
                case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> "a local class";
                case "ClassExpr" -> "a class literal (X.class)";
                case "ArrayCreationExpr", "ArrayInitializerExpr", "ArrayAccessExpr" -> "an array";
                case "SwitchStmt", "SwitchExpr" -> "switch";
                case "LabeledStmt", "BreakStmt", "ContinueStmt" -> "a jump (" + kind.replace("Stmt", "")
                        .toLowerCase() + ")";
                case "SuperExpr" -> "'super'";
                default -> "'" + kind.replace("Expr", "").replace("Stmt", "") + "'";
            };
        }
    }
}
