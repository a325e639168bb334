use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Number(f64),
    Ident(String),
    Op(char),
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Token::Number(n) => write!(f, "{}", n),
            Token::Ident(s) => write!(f, "{}", s),
            Token::Op(c) => write!(f, "{}", c),
        }
    }
}

pub fn tokenize(input: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut number = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == '.' {
                    number.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token::Number(number.parse().unwrap()));
        } else if c.is_alphabetic() {
            let mut ident = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_alphanumeric() {
                    ident.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token::Ident(ident));
        } else if !c.is_whitespace() {
            tokens.push(Token::Op(c));
            chars.next();
        } else {
            chars.next();
        }
    }
    tokens
}

pub fn variables(tokens: &[Token]) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for token in tokens {
        if let Token::Ident(name) = token {
            *seen.entry(name.clone()).or_insert(0) += 1;
        }
    }
    seen
}
