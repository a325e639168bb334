<?php
function findUser(PDO $pdo) {
    $name = $_POST['name'];
    $stmt = $pdo->prepare("SELECT * FROM users WHERE name = ?");
    $stmt->execute([$name]);
    return $stmt->fetchAll();
}
